-- Lockstep schema, version 1: people, organizations, projects, environments and the audit trail.
-- Migrated by the owner role; the runtime role ${app_role} gets only what it needs.
-- Every tenant table has org_id leading its primary key and is guarded by row-level security (ENABLE + FORCE).

grant usage on schema lockstep to ${app_role};
alter default privileges in schema lockstep grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema lockstep grant usage, select on sequences to ${app_role};

-- The tenant a unit of work is bound to, set transaction-locally by the persistence layer.
create function lockstep.current_org_id() returns uuid
    language sql stable
    as $$ select nullif(current_setting('lockstep.org_id', true), '')::uuid $$;

-- The signed-in person, so that "my memberships" can be read across organizations.
create function lockstep.current_user_id() returns uuid
    language sql stable
    as $$ select nullif(current_setting('lockstep.user_id', true), '')::uuid $$;

-- The hash of an invitation token being accepted, so the invitee can read exactly that invitation.
create function lockstep.current_invitation_token() returns text
    language sql stable
    as $$ select nullif(current_setting('lockstep.invitation_token', true), '') $$;

create table lockstep.users (
    id              uuid primary key,
    email           text not null,
    name            text not null,
    password_hash   text not null,
    failed_logins   integer not null default 0,
    locked_until    timestamptz,
    last_org_id     uuid,
    created_at      timestamptz not null,
    constraint users_email_lowercase check (email = lower(email))
);
create unique index users_email_key on lockstep.users (email);

create table lockstep.organizations (
    id          uuid primary key,
    slug        text not null,
    name        text not null,
    time_zone   text not null,
    created_at  timestamptz not null,
    constraint organizations_slug_key unique (slug),
    constraint organizations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create table lockstep.memberships (
    org_id      uuid not null references lockstep.organizations (id) on delete cascade,
    user_id     uuid not null references lockstep.users (id) on delete cascade,
    role        text not null,
    created_at  timestamptz not null,
    primary key (org_id, user_id),
    constraint memberships_role check (role in ('OWNER', 'ADMIN', 'LEAD', 'DEVELOPER', 'VIEWER', 'AUDITOR'))
);
create index memberships_user_idx on lockstep.memberships (user_id);

create table lockstep.invitations (
    org_id       uuid not null references lockstep.organizations (id) on delete cascade,
    id           uuid not null,
    email        text not null,
    role         text not null,
    token_hash   text not null,
    invited_by   uuid not null references lockstep.users (id),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    accepted_by  uuid references lockstep.users (id),
    revoked_at   timestamptz,
    primary key (org_id, id),
    constraint invitations_token_key unique (token_hash),
    constraint invitations_role check (role in ('OWNER', 'ADMIN', 'LEAD', 'DEVELOPER', 'VIEWER', 'AUDITOR'))
);

create table lockstep.projects (
    org_id          uuid not null references lockstep.organizations (id) on delete cascade,
    id              uuid not null,
    slug            text not null,
    name            text not null,
    repository_url  text,
    description     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (org_id, id),
    constraint projects_slug_key unique (org_id, slug),
    constraint projects_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create table lockstep.environments (
    org_id          uuid not null,
    id              uuid not null,
    project_id      uuid not null,
    name            text not null,
    tier            text not null,
    position        integer not null,
    branch_pattern  text,
    time_zone       text not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (org_id, id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint environments_name_key unique (org_id, project_id, name),
    constraint environments_position_key unique (org_id, project_id, position) deferrable initially deferred,
    constraint environments_name_format check (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint environments_tier check (tier in ('DEVELOPMENT', 'STAGING', 'PRODUCTION'))
);

-- The audit trail: append-only, one gapless sequence per organization (audit_heads serializes appends of one
-- organization only for the moment of the insert). Projects and environments are named by value so the trail
-- of something deleted stays readable.
create table lockstep.audit_heads (
    org_id    uuid primary key references lockstep.organizations (id) on delete cascade,
    last_seq  bigint not null
);

create table lockstep.audit_events (
    org_id            uuid not null,
    seq               bigint not null,
    occurred_at       timestamptz not null,
    actor_type        text not null,
    actor_id          text,
    actor_name        text not null,
    action            text not null,
    target_type       text not null,
    target_id         text,
    project_slug      text,
    environment_name  text,
    details           jsonb not null default '{}'::jsonb,
    ip                text,
    primary key (org_id, seq),
    constraint audit_events_actor_type check (actor_type in ('USER', 'TOKEN', 'WEBHOOK', 'SYSTEM'))
);

create function lockstep.reject_audit_change() returns trigger
    language plpgsql
    as $$ begin raise exception 'audit events are append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end $$;

create trigger audit_events_append_only
    before update or delete on lockstep.audit_events
    for each row execute function lockstep.reject_audit_change();
create trigger audit_events_no_truncate
    before truncate on lockstep.audit_events
    for each statement execute function lockstep.reject_audit_change();

revoke update, delete, truncate on lockstep.audit_events from ${app_role};
revoke delete, truncate on lockstep.audit_heads from ${app_role};

-- Row-level security. Organizations are visible when bound, or to their members; memberships when bound, or to
-- the person they belong to; invitations when bound, or by their token while being accepted.
alter table lockstep.organizations enable row level security;
alter table lockstep.organizations force row level security;
create policy organizations_tenant on lockstep.organizations
    using (id = lockstep.current_org_id()
        or exists (select 1 from lockstep.memberships m
                   where m.org_id = organizations.id and m.user_id = lockstep.current_user_id()))
    with check (id = lockstep.current_org_id());

alter table lockstep.memberships enable row level security;
alter table lockstep.memberships force row level security;
create policy memberships_tenant on lockstep.memberships
    using (org_id = lockstep.current_org_id() or user_id = lockstep.current_user_id())
    with check (org_id = lockstep.current_org_id());

alter table lockstep.invitations enable row level security;
alter table lockstep.invitations force row level security;
create policy invitations_tenant on lockstep.invitations
    using (org_id = lockstep.current_org_id() or token_hash = lockstep.current_invitation_token())
    with check (org_id = lockstep.current_org_id());

alter table lockstep.projects enable row level security;
alter table lockstep.projects force row level security;
create policy projects_tenant on lockstep.projects
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.environments enable row level security;
alter table lockstep.environments force row level security;
create policy environments_tenant on lockstep.environments
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.audit_heads enable row level security;
alter table lockstep.audit_heads force row level security;
create policy audit_heads_tenant on lockstep.audit_heads
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.audit_events enable row level security;
alter table lockstep.audit_events force row level security;
create policy audit_events_tenant on lockstep.audit_events
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

create index audit_events_org_time_idx on lockstep.audit_events (org_id, occurred_at desc);
create index audit_events_org_action_idx on lockstep.audit_events (org_id, action, seq desc);
create index environments_project_idx on lockstep.environments (org_id, project_id, position);
