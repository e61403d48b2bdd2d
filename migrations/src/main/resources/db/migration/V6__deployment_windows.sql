-- Lockstep schema: deployment windows.
-- An environment's rules (recurring blocks and allowed hours read in their time zone, one-off freezes) are kept as
-- one row per environment: the time zone as a column, the rules as JSON in the API's shape. An environment without
-- a row has the default for its tier (production: no Friday or weekend deploys), so nothing is stored for it.
-- Organization-wide freezes close every production environment of the organization.

create table lockstep.environment_windows (
    org_id           uuid not null,
    environment_id   uuid not null,
    time_zone        text not null,
    rules            jsonb not null,
    updated_at       timestamptz not null,
    updated_by       uuid not null,
    updated_by_name  text not null,
    primary key (org_id, environment_id),
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    constraint environment_windows_rules_shape check (jsonb_typeof(rules) = 'object')
);

create table lockstep.organization_freezes (
    org_id           uuid not null references lockstep.organizations (id) on delete cascade,
    id               uuid not null,
    start_at         timestamptz not null,
    end_at           timestamptz not null,
    reason           text not null,
    created_by       uuid not null,
    created_by_name  text not null,
    created_at       timestamptz not null,
    primary key (org_id, id),
    constraint organization_freezes_ends_after_start check (end_at > start_at),
    constraint organization_freezes_reason_length check (char_length(reason) between 1 and 200)
);

create index organization_freezes_org_start_idx on lockstep.organization_freezes (org_id, start_at);

alter table lockstep.environment_windows enable row level security;
alter table lockstep.environment_windows force row level security;
create policy environment_windows_tenant on lockstep.environment_windows
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.organization_freezes enable row level security;
alter table lockstep.organization_freezes force row level security;
create policy organization_freezes_tenant on lockstep.organization_freezes
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
