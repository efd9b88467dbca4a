-- Whose place is it (issue #13, item 3; application-service README, "Household claims: whose place is it").
-- A place is OWN when the person took it themselves: a citizen signed in with SPID/CIE, the token's fiscal code. Every
-- other place is LISTED: a household member named by the applicant, or the person a desk operator files for.
alter table household_claim add column kind text not null default 'LISTED' check (kind in ('OWN', 'LISTED'));
update household_claim h set kind = 'OWN'
from application a
where a.protocol_number = h.protocol_number and not a.assisted and a.applicant_fiscal_code = h.fiscal_code;
alter table household_claim alter column kind drop default;

-- A person's own application took their place (and the places of the members both applications list) from an
-- application that had listed them. The application that lost the places is held: no money decision and no payment
-- until the municipality's operator resolves every contest on it (RELEASED: it goes on without those members;
-- EXCLUDED: it is out of the call, an unpaid grant revoked). Only the call's managers see these rows.
create table contested_claim (
    id                uuid primary key,
    call_id           uuid        not null references call,
    fiscal_code       char(16)    not null,
    held_protocol     text        not null references application,
    taken_by_protocol text        not null references application,
    contested_at      timestamptz not null,
    resolution        text check (resolution in ('RELEASED', 'EXCLUDED')),
    note              text,
    resolved_at       timestamptz,
    resolved_by       text,
    check ((resolution is null) = (resolved_at is null))
);
create index contested_claim_call on contested_claim (call_id, contested_at);
create index contested_claim_held on contested_claim (held_protocol);
create index contested_claim_taken_by on contested_claim (taken_by_protocol);
