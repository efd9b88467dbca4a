-- Public calls (bandi), their budget, citizens' applications and what each one was granted.

create table call (
    id          uuid primary key,
    kind        text        not null check (kind in ('RENT_EMERGENCY', 'RENT_SUPPORT', 'HARDSHIP_GRANT', 'SOCIAL_MICROCREDIT')),
    title       text        not null,
    legal_act   text        not null,
    istat_code  char(6),                  -- null: a regional call
    fund_code   text,
    opens_at    timestamptz not null,
    closes_at   timestamptz not null check (closes_at > opens_at),
    rules       jsonb       not null,     -- CallRules, with the legal reference of every number
    created_by  text        not null,
    created_at  timestamptz not null,
    closed_at   timestamptz,              -- set once, when the unspent money is reported
    unspent     numeric(15, 2)
);
create index call_municipality on call (istat_code, opens_at);

-- Budget: the sum of its entries (the sources at creation, then top-ups); append-only.
create table call_budget_entry (
    id          bigserial primary key,
    call_id     uuid           not null references call,
    source      text           not null,
    amount      numeric(15, 2) not null check (amount > 0),
    legal_ref   text           not null,
    recorded_by text           not null,
    recorded_at timestamptz    not null
);
create index call_budget_entry_call on call_budget_entry (call_id);

-- The place in line: taken at acceptance, never from a client clock.
create sequence application_receipt_seq;

-- Intake only appends here; the funding decision updates status afterwards.
create table application (
    protocol_number       text primary key,
    receipt_seq           bigint         not null unique,
    call_id               uuid           not null references call,
    received_at           timestamptz    not null,
    applicant_fiscal_code char(16)       not null,
    submitted_by          text           not null,
    assisted              boolean        not null,
    form                  jsonb          not null,
    eligible              boolean        not null,
    band                  char(1),
    need                  numeric(15, 2) not null,
    assessment            jsonb          not null,
    status                text           not null,
    status_changed_at     timestamptz    not null
);
create index application_call_line on application (call_id, status, receipt_seq);
create index application_applicant on application (applicant_fiscal_code);

-- One application per household per call: any member's fiscal code counts.
create table household_claim (
    call_id         uuid     not null,
    fiscal_code     char(16) not null,
    protocol_number text     not null,
    primary key (call_id, fiscal_code)
);
create index household_claim_member on household_claim (fiscal_code);

-- Money granted to an application: committed while GRANTED or PAID, returned when REVOKED.
create table award (
    protocol_number   text primary key references application,
    call_id           uuid           not null references call,
    amount            numeric(15, 2) not null check (amount > 0),
    need              numeric(15, 2) not null,
    status            text           not null check (status in ('GRANTED', 'PAID', 'REVOKED')),
    explanation       text           not null,
    granted_at        timestamptz    not null,
    granted_by        text           not null,
    withheld          numeric(15, 2) not null default 0,
    withholding_ref   text,
    paid_amount       numeric(15, 2),
    paid_to_iban      text,
    payment_reference text,
    paid_at           timestamptz,
    paid_by           text,
    revoked_at        timestamptz,
    revoked_by        text,
    revocation_reason text,
    check (amount <= need)
);
create index award_call on award (call_id, status);

-- Arrears of municipal taxes recorded by the finance office: withheld from the contribution at payment.
create table tax_arrears (
    protocol_number text primary key references application,
    amount          numeric(15, 2) not null check (amount >= 0),
    reference       text           not null,
    recorded_by     text           not null,
    recorded_at     timestamptz    not null
);

-- Rankings: simulations and the one publication per call, immutable, explained per applicant.
create table ranking_run (
    id          uuid primary key,
    call_id     uuid           not null references call,
    published   boolean        not null,
    budget      numeric(15, 2) not null,
    committed   numeric(15, 2) not null,
    strategy    text           not null,
    entries     jsonb          not null,
    excluded    jsonb          not null,
    created_by  text           not null,
    created_at  timestamptz    not null
);
create unique index ranking_run_one_publication on ranking_run (call_id) where published;
