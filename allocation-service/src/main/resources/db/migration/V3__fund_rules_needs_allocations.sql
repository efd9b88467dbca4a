-- A fund's rules are data, set with the fund by its legal act (DOMAIN.md §6).
alter table fund
    add column bonus_reserve         numeric(15, 2) not null default 0 check (bonus_reserve >= 0),
    add column minimum_share         numeric(15, 2) not null default 0 check (minimum_share >= 0),
    add column cofinancing_threshold numeric(5, 4)  not null default 0.20 check (cofinancing_threshold between 0 and 1),
    add column penalty_rate          numeric(5, 4)  not null default 0.10 check (penalty_rate between 0 and 1),
    add column penalty_destination   text           not null default 'REDISTRIBUTE'
        check (penalty_destination in ('REDISTRIBUTE', 'BONUS_RESERVE')),
    add column quota_deadline        timestamptz,
    add column report_deadline       timestamptz,
    add column previous_fund         text references fund (code);
alter table fund alter column bonus_reserve drop default, alter column minimum_share drop default,
    alter column cofinancing_threshold drop default, alter column penalty_rate drop default,
    alter column penalty_destination drop default;
alter table fund add constraint reserve_within_amount check (bonus_reserve <= amount);

-- Documented need per municipality (fabbisogno): the weight of the split. Replaced whole by each upload.
create table fund_need (
    fund_code  text           not null references fund (code),
    istat_code char(6)        not null references municipality (istat_code),
    need       numeric(15, 2) not null check (need >= 0),
    primary key (fund_code, istat_code)
);

-- Penalties recorded at the close of a fund; the next fund (previous_fund = this one) applies them.
create table penalty (
    fund_code   text        not null references fund (code),
    istat_code  char(6)     not null references municipality (istat_code),
    reason      text        not null,
    recorded_at timestamptz not null,
    primary key (fund_code, istat_code)
);

-- A computed split (simulation or publication) or one imported as published by an act. Never updated.
create table allocation_run (
    id            uuid primary key,
    fund_code     text           not null references fund (code),
    kind          text           not null check (kind in ('SIMULATION', 'PUBLICATION', 'IMPORT')),
    inputs_hash   text           not null,
    amount        numeric(15, 2) not null,
    bonus_reserve numeric(15, 2) not null,
    split_amount  numeric(15, 2) not null,
    total_need    numeric(15, 2),
    allocated     numeric(15, 2) not null,
    residual      numeric(15, 2) not null,
    rounds        integer        not null,
    source        text           not null,
    created_at    timestamptz    not null,
    created_by    text           not null
);
-- one published allocation per fund: computed or imported, never both, never twice
create unique index allocation_run_one_publication on allocation_run (fund_code) where kind <> 'SIMULATION';

create table allocation_share (
    run_id         uuid           not null references allocation_run (id),
    istat_code     char(6)        not null references municipality (istat_code),
    need           numeric(15, 2),
    share          numeric(15, 2) not null,
    excluded       boolean        not null,
    penalty_cut    numeric(15, 2) not null,
    redistributed  numeric(15, 2) not null,
    exact_quota    numeric(24, 8),
    remainder_cent boolean        not null,
    explanation    text           not null,
    primary key (run_id, istat_code)
);
