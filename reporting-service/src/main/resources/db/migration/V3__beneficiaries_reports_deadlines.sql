-- The report deadline of each fund (Europe/Rome, from FundCreated).
alter table fund add column report_deadline timestamptz;

-- What the municipal report needs about each application of a call with a fund, identified by protocol number only:
-- from ApplicationAssessed, then the money of ContributionGranted / Revoked / Paid.
create table beneficiary (
    protocol_number     text primary key,
    fund_code           text           not null,
    istat_code          char(6)        not null,
    call_id             uuid           not null,
    call_kind           text           not null,
    band                char(1),
    household_size      integer,
    dependent_children  integer,
    isee                numeric(15, 2),
    reference_income    numeric(15, 2),
    conventional_income numeric(15, 2),
    annual_rent         numeric(15, 2),
    months              integer,
    incidence           numeric(9, 2),
    need                numeric(15, 2),
    granted             numeric(15, 2) not null default 0,
    revoked             numeric(15, 2) not null default 0,
    paid                numeric(15, 2) not null default 0,
    withheld            numeric(15, 2) not null default 0
);
create index beneficiary_fund on beneficiary (fund_code, istat_code);

-- Submitted reports (rendicontazione): immutable, versioned; a correction is a new version with its reason.
create table report (
    fund_code      text           not null,
    istat_code     char(6)        not null,
    version        integer        not null,
    budget_source  text           not null,
    available      numeric(15, 2) not null,
    used           numeric(15, 2) not null,
    unspent        numeric(15, 2) not null,
    beneficiaries  jsonb          not null,
    reason         text,
    savings_declared numeric(15, 2) not null, -- unspent money this version declared as savings (SavingsDeclared)
    submitted_by   text           not null,
    submitted_at   timestamptz    not null,
    primary key (fund_code, istat_code, version)
);

-- A report missing at its deadline, marked once: the available money went ex officio to the housing agencies.
create table missing_report (
    fund_code  text           not null,
    istat_code char(6)        not null,
    deadline   timestamptz    not null,
    available  numeric(15, 2) not null,
    marked_at  timestamptz    not null,
    primary key (fund_code, istat_code)
);

-- Calls as application-service announced them, with running counts for the dashboards (no personal data).
create table call_stats (
    call_id      uuid primary key,
    fund_code    text,
    istat_code   char(6),
    kind         text        not null,
    opens_at     timestamptz,
    closes_at    timestamptz,
    closed_at    timestamptz,
    applications integer     not null default 0,
    eligible     integer     not null default 0
);
create index call_stats_fund on call_stats (fund_code);
