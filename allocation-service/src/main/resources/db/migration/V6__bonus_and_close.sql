-- Bonus (premialità) runs: simulations and the one publication of a fund. Never updated.
create table bonus_run (
    id         uuid primary key,
    fund_code  text           not null references fund (code),
    kind       text           not null check (kind in ('SIMULATION', 'PUBLICATION')),
    threshold  numeric(5, 4)  not null,
    reserve    numeric(15, 2) not null,
    allocated  numeric(15, 2) not null,
    residual   numeric(15, 2) not null,
    created_at timestamptz    not null,
    created_by text           not null
);
create unique index bonus_run_one_publication on bonus_run (fund_code) where kind = 'PUBLICATION';

create table bonus_share (
    run_id      uuid           not null references bonus_run (id),
    istat_code  char(6)        not null references municipality (istat_code),
    fin_base    numeric(15, 2) not null,
    cofin       numeric(15, 2) not null,
    entitled    boolean        not null,
    bonus       numeric(15, 2) not null,
    explanation text           not null,
    primary key (run_id, istat_code)
);

-- A closed fund has recorded its penalties; it cannot be closed again.
alter table fund add column closed_at timestamptz;
