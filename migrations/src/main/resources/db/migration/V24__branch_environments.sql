-- Issue 17: an environment per branch. A project's rule names the branches that get one (a glob such as feature/*),
-- the environment whose config they start from (the parent), how many may be active at once and after how many days
-- without a push one is deactivated. The member who set the rule is the requester of what they deploy.
create table lockstep.branch_environment_rules (
    org_id                 uuid not null,
    project_id             uuid not null,
    pattern                text not null,
    parent_environment_id  uuid not null,
    max_active             integer not null,
    idle_days              integer not null,
    updated_at             timestamptz not null,
    updated_by_user        uuid not null,
    updated_by_name        text not null,
    primary key (org_id, project_id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    foreign key (org_id, parent_environment_id) references lockstep.environments (org_id, id) on delete cascade,
    constraint branch_environment_rules_max check (max_active between 1 and 100),
    constraint branch_environment_rules_idle check (idle_days between 1 and 365)
);

-- The environments a branch created: which branch, from which parent at which revision, the last push, and when and
-- why it was deactivated (a deactivated one keeps its history; a new push of the branch creates a new one).
create table lockstep.branch_environments (
    org_id                 uuid not null,
    environment_id         uuid not null,
    project_id             uuid not null,
    branch                 text not null,
    parent_environment_id  uuid,
    parent_revision        integer,
    created_at             timestamptz not null,
    last_push_at           timestamptz not null,
    deactivated_at         timestamptz,
    deactivated_reason     text,
    primary key (org_id, environment_id),
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint branch_environments_deactivated check ((deactivated_at is null) = (deactivated_reason is null))
);
create unique index branch_environments_active_key on lockstep.branch_environments (org_id, project_id, branch)
    where deactivated_at is null;
revoke delete, truncate on lockstep.branch_environments from ${app_role};

alter table lockstep.branch_environment_rules enable row level security;
alter table lockstep.branch_environment_rules force row level security;
create policy branch_environment_rules_tenant on lockstep.branch_environment_rules
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.branch_environments enable row level security;
alter table lockstep.branch_environments force row level security;
create policy branch_environments_tenant on lockstep.branch_environments
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

-- The hourly sweep finds the organizations with idle branch environments before it binds to each one.
create policy branch_environment_rules_scheduler on lockstep.branch_environment_rules
    for select using (lockstep.current_scheduler());
create policy branch_environments_scheduler on lockstep.branch_environments
    for select using (lockstep.current_scheduler());
