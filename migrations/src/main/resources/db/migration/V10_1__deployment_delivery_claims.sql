-- Lockstep schema, version 10.1: a deployment is handed to its deployer under a lease, not under a row lock.
--
-- Before, the dispatcher held the deployment's row lock (FOR UPDATE SKIP LOCKED) for the whole delivery, and another
-- instance could take over a delivery cut off by a dead instance only once PostgreSQL noticed the dead connection.
-- Now the dispatcher claims the deployment in a short transaction (claim_token, claimed_until), delivers without
-- holding the row, renews the claim while it waits for the deployer, and records the outcome only while the claim is
-- still its own. A claim that stops being renewed expires within seconds, and the next poll of any instance claims
-- the deployment again and delivers it with the same delivery id.

alter table lockstep.deployments
    add column claim_token   uuid,
    add column claimed_until timestamptz;
