-- A published ranking is kept as the exact text it was answered with. As jsonb, PostgreSQL parsed and compressed the
-- whole document at publication (158 MB for a national call of 400.505 applications); nothing queries inside it.
-- Stored out of line and uncompressed: it is written once and read whole.
alter table ranking_run alter column entries type text, alter column excluded type text;
alter table ranking_run alter column entries set storage external, alter column excluded set storage external;
