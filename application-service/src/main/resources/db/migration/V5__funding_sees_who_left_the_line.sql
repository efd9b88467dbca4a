-- The funding pass skips a call whose line cannot have moved. Someone leaving the line without money changing hands
-- (a waiting application withdrawn) moves it too, so the pass counts who left, through this index: it holds only
-- the few applications that left (intake writes PENDING or NOT_ELIGIBLE, never one of these), so it costs nothing
-- on opening day.
create index application_left_line on application (call_id) where status in ('WITHDRAWN', 'REVOKED', 'NOT_FUNDED');
