-- Lockstep schema, version 5: code changes (commits pushed to a project's repository), artifacts (builds registered
-- by CI) and the push webhooks that feed code changes in.
--
-- A project's webhook has a random, unguessable hook id (its URL) and a secret that GitHub uses to sign deliveries
-- (HMAC-SHA256) and GitLab sends back as a token. The secret must be shown again on the project's settings page, so
-- it cannot be stored as a hash: it is sealed (AES-256-GCM) with the same keys as sensitive variables.
--
-- Code changes and artifacts are records: the runtime role may insert and read them, never update or delete them
-- (deleting a project removes them through the foreign keys, which run as the owner). Deliveries are a short log of
-- what reached the hook, pruned to the newest ones per project.

-- The hook id of a webhook delivery being received, so the hook can be found before the organization is known.
create function lockstep.current_webhook() returns text
    language sql stable
    as $$ select nullif(current_setting('lockstep.webhook', true), '') $$;

create table lockstep.project_webhooks (
    org_id          uuid not null,
    project_id      uuid not null,
    hook_id         text not null,
    secret_sealed   bytea not null,
    secret_key_id   text not null,
    updated_at      timestamptz not null,
    updated_by      text not null,
    primary key (org_id, project_id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint project_webhooks_hook_key unique (hook_id),
    constraint project_webhooks_hook_format check (hook_id ~ '^[A-Za-z0-9_-]{32}$')
);

create table lockstep.webhook_deliveries (
    org_id        uuid not null,
    id            uuid not null,
    project_id    uuid not null,
    seq           bigint generated always as identity,
    received_at   timestamptz not null,
    forge         text not null,
    event         text not null,
    outcome       text not null,
    detail        text not null,
    commits       integer not null default 0,
    primary key (org_id, id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint webhook_deliveries_forge check (forge in ('GITHUB', 'GITLAB')),
    constraint webhook_deliveries_outcome check (outcome in ('ACCEPTED', 'IGNORED', 'REJECTED', 'INVALID')),
    constraint webhook_deliveries_event_length check (char_length(event) <= 100),
    constraint webhook_deliveries_detail_length check (char_length(detail) <= 1000)
);
create index webhook_deliveries_project_idx on lockstep.webhook_deliveries (org_id, project_id, seq desc);

-- One row per commit and project, whichever way it arrived first (ingestion is idempotent per sha). seq is the
-- order of receipt, for keyset pagination.
create table lockstep.code_changes (
    org_id         uuid not null,
    project_id     uuid not null,
    sha            text not null,
    seq            bigint generated always as identity,
    branch         text not null,
    author         text,
    message        text,
    committed_at   timestamptz not null,
    url            text,
    received_at    timestamptz not null,
    source         text not null,
    primary key (org_id, project_id, sha),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint code_changes_sha_format check (sha ~ '^[0-9a-f]{40}([0-9a-f]{24})?$'),
    constraint code_changes_source check (source in ('GITHUB', 'GITLAB', 'API'))
);
create index code_changes_received_idx on lockstep.code_changes (org_id, project_id, seq desc);
create index code_changes_branch_idx on lockstep.code_changes (org_id, project_id, branch, committed_at desc, seq desc);

-- Built once, promoted everywhere: a version names exactly one (commit, digest) in its project, for good.
create table lockstep.artifacts (
    org_id            uuid not null,
    id                uuid not null,
    project_id        uuid not null,
    seq               bigint generated always as identity,
    version           text not null,
    commit_sha        text not null,
    digest            text not null,
    created_at        timestamptz not null,
    created_by_type   text not null,
    created_by_id     text,
    created_by_name   text not null,
    primary key (org_id, id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint artifacts_version_key unique (org_id, project_id, version),
    constraint artifacts_commit_sha_format check (commit_sha ~ '^[0-9a-f]{40}([0-9a-f]{24})?$'),
    constraint artifacts_digest_format check (digest ~ '^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$'),
    constraint artifacts_created_by_type check (created_by_type in ('USER', 'TOKEN', 'WEBHOOK', 'SYSTEM'))
);
create index artifacts_project_idx on lockstep.artifacts (org_id, project_id, seq desc);

revoke update, delete, truncate on lockstep.code_changes from ${app_role};
revoke update, delete, truncate on lockstep.artifacts from ${app_role};

-- Row-level security: the bound organization's rows; and for reading only, the one webhook whose hook id a delivery
-- names (writes always need the organization binding).
alter table lockstep.project_webhooks enable row level security;
alter table lockstep.project_webhooks force row level security;
create policy project_webhooks_tenant on lockstep.project_webhooks
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
create policy project_webhooks_by_hook on lockstep.project_webhooks
    for select using (hook_id = lockstep.current_webhook());

alter table lockstep.webhook_deliveries enable row level security;
alter table lockstep.webhook_deliveries force row level security;
create policy webhook_deliveries_tenant on lockstep.webhook_deliveries
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.code_changes enable row level security;
alter table lockstep.code_changes force row level security;
create policy code_changes_tenant on lockstep.code_changes
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.artifacts enable row level security;
alter table lockstep.artifacts force row level security;
create policy artifacts_tenant on lockstep.artifacts
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
