-- The ordinary-call inputs travel with the co-financing declaration (DOMAIN.md §1.3): Fin_base (the published
-- share of this fund), Fin_c, QEmi, QSmine and COFIN; the deliberation and budget-chapter evidence may come later.
alter table cofinancing_declaration rename column amount to cofin;
alter table cofinancing_declaration
    add column fin_base numeric(15, 2) not null default 0 check (fin_base >= 0),
    add column fin_c    numeric(15, 2) not null default 0 check (fin_c >= 0),
    add column q_emi    numeric(15, 2) not null default 0 check (q_emi >= 0),
    add column q_smine  numeric(15, 2) not null default 0 check (q_smine >= 0),
    alter column deliberation_number drop not null,
    alter column deliberation_date drop not null,
    alter column budget_chapter drop not null;
alter table cofinancing_declaration alter column fin_base drop default, alter column fin_c drop default,
    alter column q_emi drop default, alter column q_smine drop default;
