-- Money each municipality may spend on its calls, as allocation-service announced it; the highest revision wins.
create table budget_source (
    fund_code  text           not null,
    istat_code char(6)        not null,
    kind       text           not null,
    revision   integer        not null,
    amount     numeric(15, 2) not null,
    legal_ref  text           not null,
    updated_at timestamptz    not null,
    primary key (fund_code, istat_code, kind)
);
