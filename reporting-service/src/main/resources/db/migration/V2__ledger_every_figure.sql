-- One event can carry several figures (CofinancingDeclared: Fin_base, QEmi, QSmine, COFIN; ContributionPaid: paid and
-- withheld), so an entry is keyed by the event and the figure; a redelivered event still cannot add a second row.
alter table ledger_entry drop constraint ledger_entry_pkey;
alter table ledger_entry add primary key (event_id, kind);
