-- One balance per money source (fund, municipality, kind): calls reserve from it, closures and revocations release
-- back to it, savings move out of it. allocated + moved in = reserved + moved out + available, checked under the
-- source's lock in the transaction that changes it.

-- The fund whose quota declarations feed this one: the ordinary call's Fin_c is the Fin_c of the FINCOVID quota.
alter table fund add column quota_fund text references fund (code);

-- A call's hold on the sources of one fund and municipality. HELD until application-service's CallOpened confirms
-- the call exists; CLOSED once its unspent money went back; WITHDRAWN when the call was never opened.
create table call_reservation (
    call_id      uuid primary key,
    fund_code    text           not null references fund (code),
    istat_code   char(6)        not null references municipality (istat_code),
    legal_act    text           not null,
    state        text           not null check (state in ('HELD', 'OPEN', 'CLOSED', 'WITHDRAWN')),
    committed    numeric(15, 2) not null default 0 check (committed >= 0),
    created_at   timestamptz    not null,
    created_by   text           not null
);

-- Every reservation and release of a source, in order; the cause (a request or an event) makes each happen once.
create table budget_movement (
    id           bigint generated always as identity primary key,
    fund_code    text           not null references fund (code),
    istat_code   char(6)        not null references municipality (istat_code),
    source       text           not null,
    call_id      uuid           not null references call_reservation (call_id),
    position     int            not null,
    type         text           not null check (type in ('RESERVED', 'RELEASED')),
    amount       numeric(15, 2) not null check (amount > 0),
    reason       text           not null,
    legal_ref    text           not null,
    cause        text           not null,
    occurred_at  timestamptz    not null,
    recorded_at  timestamptz    not null,
    unique (cause, source, type)
);
create index budget_movement_source on budget_movement (fund_code, istat_code, source);
create index budget_movement_call on budget_movement (call_id);

-- A report missing at its deadline: whatever the source holds then, and whatever comes back to it later, goes to
-- the housing agencies ex officio.
create table forfeited_source (
    fund_code    text        not null references fund (code),
    istat_code   char(6)     not null references municipality (istat_code),
    source       text        not null,
    deadline     text        not null,
    cause        uuid        not null,
    forfeited_at timestamptz not null,
    primary key (fund_code, istat_code, source)
);
