-- Issue 17: environments that deploy by themselves, and the tags they may follow.

-- An environment with a row here deploys automatically: each build (artifact) of a commit on a branch matching the
-- environment's branch pattern (source BRANCH), or of a commit a matching tag points at (source TAG). The request
-- goes through the environment's gate, promotion rule and windows like any other; when_blocked says what happens
-- outside a window. The member who set the rule is the requester of what it deploys (so they cannot approve it alone
-- unless the gate allows self-approval).
create table lockstep.auto_deploy_rules (
    org_id           uuid not null,
    environment_id   uuid not null,
    source           text not null,
    tag_pattern      text,
    when_blocked     text not null,
    updated_at       timestamptz not null,
    updated_by_user  uuid not null,
    updated_by_name  text not null,
    primary key (org_id, environment_id),
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    constraint auto_deploy_rules_source check (source in ('BRANCH', 'TAG')),
    constraint auto_deploy_rules_tag check (source = 'BRANCH' or tag_pattern is not null),
    constraint auto_deploy_rules_when_blocked check (when_blocked in ('REJECT', 'QUEUE'))
);

-- Tags as pushes delivered them: a tag names one commit; a tag moved by a forced push is a second row.
create table lockstep.code_tags (
    org_id       uuid not null,
    project_id   uuid not null,
    name         text not null,
    sha          text not null,
    pushed_at    timestamptz not null,
    primary key (org_id, project_id, name, sha),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint code_tags_sha_format check (sha ~ '^[0-9a-f]{40}([0-9a-f]{24})?$')
);
create index code_tags_sha_idx on lockstep.code_tags (org_id, project_id, sha);
revoke update, delete, truncate on lockstep.code_tags from ${app_role};

-- What each automatic trigger became, once per environment and build (the key makes a second push of the same
-- commit, or the artifact arriving after its push, change nothing): claimed PENDING, then the request it made or why
-- it was refused, in the same transaction.
create table lockstep.automatic_deployments (
    org_id          uuid not null,
    environment_id  uuid not null,
    artifact_id     uuid not null,
    seq             bigint generated always as identity,
    ref             text not null,
    pushed_by       text,
    outcome         text not null,
    detail          text not null,
    deployment_id   uuid,
    created_at      timestamptz not null,
    primary key (org_id, environment_id, artifact_id),
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    foreign key (org_id, artifact_id) references lockstep.artifacts (org_id, id) on delete cascade,
    constraint automatic_deployments_outcome check (outcome in ('PENDING', 'REQUESTED', 'REFUSED')),
    constraint automatic_deployments_requested check (outcome <> 'REQUESTED' or deployment_id is not null)
);
create index automatic_deployments_recent_idx on lockstep.automatic_deployments (org_id, environment_id, seq desc);
revoke delete, truncate on lockstep.automatic_deployments from ${app_role};

alter table lockstep.auto_deploy_rules enable row level security;
alter table lockstep.auto_deploy_rules force row level security;
create policy auto_deploy_rules_tenant on lockstep.auto_deploy_rules
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.code_tags enable row level security;
alter table lockstep.code_tags force row level security;
create policy code_tags_tenant on lockstep.code_tags
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.automatic_deployments enable row level security;
alter table lockstep.automatic_deployments force row level security;
create policy automatic_deployments_tenant on lockstep.automatic_deployments
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
-- Builds of one commit, for a push that arrives after its build.
-- online-safe: artifacts hold a few thousand rows per organization (one per build), built in well under a second
-- (the Flyway transactional lock would deadlock a CREATE INDEX CONCURRENTLY here, as for V20).
create index artifacts_commit_idx on lockstep.artifacts (org_id, project_id, commit_sha);
