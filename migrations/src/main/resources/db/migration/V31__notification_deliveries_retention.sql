-- Issue 18: delivered and failed notices are kept 30 days for the delivery log, then forgotten by an hourly job that
-- runs once across instances: it finds the organizations that have old ones (the scheduler's read policy), then
-- deletes them in each organization's own transaction.
-- online-safe: the table is new in this release (V27), empty or nearly so when this runs.
create index notification_deliveries_finished_idx on lockstep.notification_deliveries (finished_at)
    where status <> 'PENDING';
