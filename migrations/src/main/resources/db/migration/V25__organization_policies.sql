-- Issue 17: organization-wide policies for production environments, of every project or of chosen ones
-- (all_projects, else project_ids), and whether an environment's own rules may override them.

-- The approvals part of a gate; the promotion rule (requires success in) stays each environment's own.
create table lockstep.organization_gates (
    org_id                uuid not null references lockstep.organizations (id) on delete cascade,
    required_approvals    integer not null,
    approver_roles        text[] not null,
    allow_self_approval   boolean not null,
    approval_valid_hours  integer not null,
    all_projects          boolean not null,
    project_ids           uuid[] not null,
    overridable           boolean not null,
    updated_at            timestamptz not null,
    updated_by_name       text not null,
    primary key (org_id),
    constraint organization_gates_required check (required_approvals between 0 and 10),
    constraint organization_gates_valid_hours check (approval_valid_hours between 1 and 8760),
    constraint organization_gates_roles check (approver_roles <@ array['OWNER', 'ADMIN', 'LEAD', 'DEVELOPER']::text[])
);

-- Deployment windows (blocks, allowed hours, freezes in their own time zone), stored as an environment's are.
create table lockstep.organization_windows (
    org_id           uuid not null references lockstep.organizations (id) on delete cascade,
    time_zone        text not null,
    rules            jsonb not null,
    all_projects     boolean not null,
    project_ids      uuid[] not null,
    overridable      boolean not null,
    updated_at       timestamptz not null,
    updated_by       uuid not null,
    updated_by_name  text not null,
    primary key (org_id),
    constraint organization_windows_rules_shape check (jsonb_typeof(rules) = 'object')
);

alter table lockstep.organization_gates enable row level security;
alter table lockstep.organization_gates force row level security;
create policy organization_gates_tenant on lockstep.organization_gates
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.organization_windows enable row level security;
alter table lockstep.organization_windows force row level security;
create policy organization_windows_tenant on lockstep.organization_windows
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
