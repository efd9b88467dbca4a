-- One balance per money source (issue #12): each figure may name its source, its call (and the source's place in the
-- call's spending order, and the call's fund when it is not the source's), and the event that caused a move.
alter table fund add column quota_fund text; -- the fund whose quota Fin_c feeds this fund's ordinary call

alter table ledger_entry add column source text;
alter table ledger_entry add column call_id uuid;
alter table ledger_entry add column call_position integer;
alter table ledger_entry add column call_fund_code text;
alter table ledger_entry add column cause_event_id uuid;
create index ledger_entry_call on ledger_entry (call_id);

-- Savings recorded before: they all left Fin_a (DOMAIN §1.4); a move to Fin_b gets its other side, money into Fin_b,
-- keyed by the same event. Their cause was not recorded.
update ledger_entry set source = 'Fin_a' where kind in ('MOVED_TO_FIN_B', 'MOVED_TO_HOUSING_AGENCIES');
insert into ledger_entry (event_id, fund_code, istat_code, kind, revision, amount, legal_ref, occurred_at, recorded_at, source)
select event_id, fund_code, istat_code, 'MOVED_IN', revision, amount, legal_ref || ', from Fin_a', occurred_at, recorded_at, 'Fin_b'
from ledger_entry where kind = 'MOVED_TO_FIN_B';

-- A call's figures named it only in their text ("call <id>, protocol ...", "call <id> closed, <budget source>").
update ledger_entry set call_id = cast(substring(legal_ref from '^call ([0-9a-f-]{36})') as uuid)
where kind in ('GRANTED', 'REVOKED', 'PAID', 'WITHHELD', 'UNSPENT') and legal_ref ~ '^call [0-9a-f-]{36}';
update ledger_entry set source = substring(legal_ref from '^call [0-9a-f-]{36} closed, (.*)$')
where kind = 'UNSPENT' and legal_ref ~ '^call [0-9a-f-]{36} closed, ';

-- The events a report and a missing report sent: a later report knows whether allocation-service moved their money.
alter table report add column savings_event_id uuid;
alter table missing_report add column event_id uuid;
