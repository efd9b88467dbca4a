create table fund (
    code       text primary key,
    title      text           not null,
    legal_act  text           not null,
    year       integer        not null,
    amount     numeric(15, 2) not null check (amount > 0),
    created_at timestamptz    not null,
    created_by text           not null
);

-- every revision is kept; the highest one counts
create table cofinancing_declaration (
    id                  bigint generated always as identity primary key,
    fund_code           text           not null references fund (code),
    istat_code          char(6)        not null references municipality (istat_code),
    revision            integer        not null,
    amount              numeric(15, 2) not null check (amount >= 0),
    deliberation_number text           not null,
    deliberation_date   date           not null,
    budget_chapter      text           not null,
    declared_at         timestamptz    not null,
    declared_by         text           not null,
    unique (fund_code, istat_code, revision)
);
