-- Pages at scale (issue 13): the change-management report lists the deployments requested in a period, oldest first.
-- Without an index on the request time it read every deployment of the organization and sorted them.
-- online-safe: deployments hold tens of thousands of rows (40,000 for the benchmark's biggest organization, 55,000
-- for all 1,000), built in well under a second (the Flyway transactional lock would deadlock a CREATE INDEX
-- CONCURRENTLY here, as for V20).
create index deployments_requested_idx on lockstep.deployments (org_id, requested_at, seq);
