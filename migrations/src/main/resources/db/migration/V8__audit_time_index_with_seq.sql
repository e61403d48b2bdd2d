-- Lockstep schema, version 8: the audit trail's time index also carries each event's sequence number.
--
-- A page of a time range far behind the newest event reads the sequence numbers of the range from this index alone
-- (an index-only scan), keeps the newest 50 and fetches only those rows; before, it walked the primary key back from
-- the head past every newer event. See docs/decisions/0010-query-plans-for-organizations-of-every-size.md.

drop index lockstep.audit_events_org_time_idx;
create index audit_events_org_time_idx on lockstep.audit_events (org_id, occurred_at desc) include (seq);
