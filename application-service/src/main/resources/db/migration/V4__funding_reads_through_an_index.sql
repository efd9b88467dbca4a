-- The funding pass asks "up to which place in line is everything committed or gone?" every half second on every
-- open first-come call: the latest receipt before a moment, found through this index instead of reading the call.
create index application_call_received on application (call_id, received_at, receipt_seq);
