-- The release board (issue 15) reads, for the whole organization at once, the deployments not finished yet and the
-- last one that ran on each environment. Both stay small index scans however long the history grows.
-- online-safe: partial indexes over unfinished and last-run deployments, small and quick to build (the Flyway
-- transactional lock would deadlock a CREATE INDEX CONCURRENTLY here).
create index deployments_unfinished_idx on lockstep.deployments (org_id, seq)
    where status in ('awaiting_approval', 'scheduled', 'waiting_for_window', 'running');
-- online-safe: as above.
create index deployments_last_run_idx on lockstep.deployments (org_id, environment_id, finished_at desc, seq desc)
    where status in ('succeeded', 'failed');
