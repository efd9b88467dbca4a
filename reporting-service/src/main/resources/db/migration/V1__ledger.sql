-- Funds as allocation-service announced them.
create table fund (
    code      text primary key,
    title     text           not null,
    legal_act text           not null,
    year      integer        not null,
    amount    numeric(15, 2) not null
);

-- One row per money event, never updated: the ledger is the sum of what the events said.
create table ledger_entry (
    event_id    uuid primary key,
    fund_code   text           not null,
    istat_code  char(6)        not null,
    kind        text           not null,
    revision    integer        not null,
    amount      numeric(15, 2) not null,
    legal_ref   text,
    occurred_at timestamptz    not null,
    recorded_at timestamptz    not null
);
create index ledger_entry_fund on ledger_entry (fund_code, istat_code);
