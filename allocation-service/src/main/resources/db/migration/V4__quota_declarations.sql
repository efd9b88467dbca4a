-- A municipality's split of its share into Fin_a / Fin_b / Fin_c; every revision kept, the highest counts.
create table quota_declaration (
    id          bigint generated always as identity primary key,
    fund_code   text           not null references fund (code),
    istat_code  char(6)        not null references municipality (istat_code),
    revision    integer        not null,
    share       numeric(15, 2) not null,
    fin_a       numeric(15, 2) not null check (fin_a >= 0),
    fin_b       numeric(15, 2) not null check (fin_b > 0),
    fin_c       numeric(15, 2) not null check (fin_c >= 0),
    declared_at timestamptz    not null,
    declared_by text           not null,
    check (fin_a + fin_b + fin_c = share),
    unique (fund_code, istat_code, revision)
);

-- The region may give one municipality more time than the fund's deadline.
create table quota_deadline_extension (
    fund_code  text        not null references fund (code),
    istat_code char(6)     not null references municipality (istat_code),
    deadline   timestamptz not null,
    reason     text        not null,
    granted_at timestamptz not null,
    granted_by text        not null,
    primary key (fund_code, istat_code)
);
