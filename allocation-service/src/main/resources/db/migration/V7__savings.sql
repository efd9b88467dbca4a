-- Money that moves after the fact (economie): unspent Fin_a of a closed call to the municipality's Fin_b, and
-- everything still available to the housing agencies when a report is missing at its deadline. One row per event.
create table savings_movement (
    event_id    uuid primary key,
    fund_code   text           not null references fund (code),
    istat_code  char(6)        not null references municipality (istat_code),
    from_source text           not null,
    destination text           not null check (destination in ('FIN_B', 'HOUSING_AGENCIES')),
    amount      numeric(15, 2) not null check (amount >= 0),
    reason      text           not null,
    legal_ref   text           not null,
    occurred_at timestamptz    not null,
    recorded_at timestamptz    not null
);
create index savings_movement_fund on savings_movement (fund_code, istat_code);
