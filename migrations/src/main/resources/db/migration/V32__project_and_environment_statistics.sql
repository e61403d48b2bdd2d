-- Lockstep schema, version 32: tell the planner that a project (and an environment) belongs to one organization.
--
-- Every tenant table is keyed by (org_id, project_id, ...). Without this, PostgreSQL multiplies the selectivity of
-- "org_id = ? and project_id = ?" as if the two were independent, estimates one row for any project, and then cannot
-- tell the primary key (org_id, project_id, sha) from another index on (org_id, project_id, ...) when it looks one
-- commit up: on the benchmark data it walked a branch's 1,000 commits to find one, 2 ms per card of the approval
-- queue (0.08 ms with these statistics). Functional-dependency statistics are metadata; the analyze that fills them
-- samples the table under a lock that blocks neither reads nor writes.

create statistics lockstep.code_changes_project_in_org (dependencies) on org_id, project_id from lockstep.code_changes;
create statistics lockstep.artifacts_project_in_org (dependencies) on org_id, project_id from lockstep.artifacts;
create statistics lockstep.environments_project_in_org (dependencies) on org_id, project_id from lockstep.environments;
create statistics lockstep.config_revisions_scope_in_org (dependencies)
    on org_id, project_id, environment_id from lockstep.config_revisions;
create statistics lockstep.deployments_environment_in_org (dependencies)
    on org_id, project_id, environment_id from lockstep.deployments;

analyze lockstep.code_changes;
analyze lockstep.artifacts;
analyze lockstep.environments;
analyze lockstep.config_revisions;
analyze lockstep.deployments;
