-- Lockstep schema, version 7: deployments, their approval gates and deploy targets.
--
-- A deployment puts an (artifact, config revision) pair on an environment. Its status moves only along the
-- transitions the trigger below allows, so a cancelled deployment can never be started and a finished one never
-- changes, whatever the application does. Approvals are records bound to exactly what they approved (the request's
-- version, which changes whenever a person changes the artifact, revision or schedule); a trigger locks the
-- deployment while an approval is inserted and refuses it unless the deployment still awaits approval at that
-- version, so concurrent approvals and approve-versus-cancel races serialise on the deployment row.
--
-- The scheduler has to find due deployments of every organization before it knows which one: a transaction that
-- sets lockstep.scheduler = 'on' may read (never write) every deployment's row; it then handles each one in a
-- transaction bound to that deployment's organization.

create function lockstep.current_scheduler() returns boolean
    language sql stable
    as $$ select coalesce(current_setting('lockstep.scheduler', true), '') = 'on' $$;

create table lockstep.approval_policies (
    org_id                uuid not null,
    environment_id        uuid not null,
    required_approvals    integer not null,
    approver_roles        text[] not null,
    allow_self_approval   boolean not null,
    approval_valid_hours  integer not null,
    requires_success_in   text,
    updated_at            timestamptz not null,
    updated_by_name       text not null,
    primary key (org_id, environment_id),
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    constraint approval_policies_required check (required_approvals between 0 and 10),
    constraint approval_policies_valid_hours check (approval_valid_hours between 1 and 8760),
    constraint approval_policies_roles check (approver_roles <@ array['OWNER', 'ADMIN', 'LEAD', 'DEVELOPER']::text[])
);

create table lockstep.deploy_targets (
    org_id            uuid not null,
    environment_id    uuid not null,
    type              text not null,
    url               text,
    secret_sealed     bytea,
    secret_key_id     text,
    timeout_minutes   integer not null default 60,
    updated_at        timestamptz not null,
    updated_by_name   text not null,
    primary key (org_id, environment_id),
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    constraint deploy_targets_type check (type in ('MANUAL', 'WEBHOOK')),
    constraint deploy_targets_webhook check (type = 'MANUAL' or (url is not null and secret_sealed is not null
        and secret_key_id is not null)),
    constraint deploy_targets_timeout check (timeout_minutes between 1 and 1440)
);

create table lockstep.deployments (
    org_id                  uuid not null,
    id                      uuid not null,
    seq                     bigint generated always as identity,
    project_id              uuid not null,
    environment_id          uuid not null,
    artifact_id             uuid not null,
    config_revision         integer,
    scheduled_at            timestamptz,
    when_blocked            text not null,
    note                    text,
    status                  text not null,
    emergency               boolean not null default false,
    emergency_reason        text,
    requested_by_type       text not null,
    requested_by_id         text,
    requested_by_name       text not null,
    requested_by_user       uuid not null,
    requested_at            timestamptz not null,
    request_version         integer not null default 1,
    approvals_required      integer not null,
    previous_artifact_id    uuid,
    previous_config_revision integer,
    due_at                  timestamptz,
    blocked_by              text,
    dispatch_attempts       integer not null default 0,
    last_error              text,
    delivery_id             uuid not null,
    started_at              timestamptz,
    deadline_at             timestamptz,
    finished_at             timestamptz,
    status_message          text,
    log_url                 text,
    reviewed_at             timestamptz,
    reviewed_by             uuid,
    reviewed_by_name        text,
    review_comment          text,
    updated_at              timestamptz not null,
    primary key (org_id, id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    foreign key (org_id, artifact_id) references lockstep.artifacts (org_id, id) on delete cascade,
    constraint deployments_status check (status in ('awaiting_approval', 'scheduled', 'waiting_for_window',
        'running', 'succeeded', 'failed', 'rejected', 'cancelled')),
    constraint deployments_when_blocked check (when_blocked in ('reject', 'queue')),
    constraint deployments_emergency_reason check (not emergency or char_length(emergency_reason) between 1 and 1000),
    constraint deployments_note_length check (char_length(note) <= 1000),
    constraint deployments_requested_by_type check (requested_by_type in ('USER', 'TOKEN', 'WEBHOOK', 'SYSTEM')),
    constraint deployments_review_only_emergencies check (reviewed_at is null or emergency),
    constraint deployments_attempts check (dispatch_attempts >= 0),
    constraint deployments_delivery_key unique (delivery_id)
);

create index deployments_environment_idx on lockstep.deployments (org_id, environment_id, seq desc);
create index deployments_succeeded_idx on lockstep.deployments (org_id, environment_id, finished_at desc)
    where status = 'succeeded';
create index deployments_awaiting_idx on lockstep.deployments (org_id, seq) where status = 'awaiting_approval';
create index deployments_unreviewed_idx on lockstep.deployments (org_id, requested_at)
    where emergency and reviewed_at is null;
create index deployments_due_idx on lockstep.deployments (due_at)
    where status in ('scheduled', 'waiting_for_window');
create index deployments_deadline_idx on lockstep.deployments (deadline_at) where status = 'running';

-- The only status changes there are. A finished deployment (succeeded, failed, rejected, cancelled) never changes.
create function lockstep.deployments_check_transition() returns trigger
    language plpgsql
    as $$
begin
    if new.status is distinct from old.status and not (
        (old.status = 'awaiting_approval' and new.status in ('scheduled', 'waiting_for_window', 'rejected', 'cancelled'))
        or (old.status = 'scheduled' and new.status in ('awaiting_approval', 'waiting_for_window', 'running', 'failed',
            'cancelled'))
        or (old.status = 'waiting_for_window' and new.status in ('awaiting_approval', 'scheduled', 'running', 'failed',
            'cancelled'))
        or (old.status = 'running' and new.status in ('succeeded', 'failed'))
    ) then
        raise exception 'deployment % cannot go from % to %', old.id, old.status, new.status
            using errcode = 'LS409', hint = old.status;
    end if;
    if old.status in ('succeeded', 'failed', 'rejected', 'cancelled')
            and (new.reviewed_at is not distinct from old.reviewed_at) then
        raise exception 'deployment % is % and cannot change', old.id, old.status
            using errcode = 'LS409', hint = old.status;
    end if;
    if (new.artifact_id, new.config_revision, new.environment_id, new.project_id, new.emergency, new.requested_by_user,
            new.requested_at, new.delivery_id)
            is distinct from (old.artifact_id, old.config_revision, old.environment_id, old.project_id, old.emergency,
            old.requested_by_user, old.requested_at, old.delivery_id)
            and new.request_version = old.request_version then
        raise exception 'changing what deployment % deploys must start a new request version', old.id
            using errcode = 'LS409', hint = old.status;
    end if;
    return new;
end
$$;

create trigger deployments_transition before update on lockstep.deployments
    for each row execute function lockstep.deployments_check_transition();

-- An approval or rejection by one person of one version of a request, bound to what that version deploys.
create table lockstep.deployment_approvals (
    org_id                 uuid not null,
    id                     uuid not null,
    deployment_id          uuid not null,
    request_version        integer not null,
    decision               text not null,
    approver_id            uuid not null,
    approver_name          text not null,
    approver_role          text not null,
    via_token              uuid,
    comment                text,
    self_approved          boolean not null default false,
    artifact_id            uuid not null,
    config_revision        integer,
    environment_id         uuid not null,
    scheduled_at           timestamptz,
    decided_at             timestamptz not null,
    expires_at             timestamptz not null,
    primary key (org_id, id),
    foreign key (org_id, deployment_id) references lockstep.deployments (org_id, id) on delete cascade,
    constraint deployment_approvals_decision check (decision in ('approve', 'reject')),
    constraint deployment_approvals_reject_comment check (decision = 'approve' or char_length(comment) >= 1),
    constraint deployment_approvals_comment_length check (char_length(comment) <= 2000)
);

create index deployment_approvals_deployment_idx on lockstep.deployment_approvals (org_id, deployment_id, decided_at);
create index deployment_approvals_person_idx
    on lockstep.deployment_approvals (org_id, deployment_id, request_version, approver_id);

-- An approval counts only for the request it saw: the deployment must still await approval, at the same version,
-- deploying the same artifact, revision, environment and schedule. One person decides once per version, unless
-- their earlier decision on it has expired (an approval lapses while the request gathers the others, and its giver
-- may renew it); that is refused as a unique_violation on deployment_approvals_one_per_person. The row lock
-- serialises concurrent deciders, so the checks see every decision committed before.
create function lockstep.deployment_approvals_check() returns trigger
    language plpgsql
    as $$
declare
    d lockstep.deployments%rowtype;
begin
    select * into d from lockstep.deployments where org_id = new.org_id and id = new.deployment_id for update;
    if not found then
        raise exception 'no deployment %', new.deployment_id using errcode = 'LS404';
    end if;
    if d.status <> 'awaiting_approval' then
        raise exception 'deployment % is % and takes no decision', d.id, d.status using errcode = 'LS409',
            hint = d.status;
    end if;
    if d.request_version <> new.request_version
            or (d.artifact_id, d.config_revision, d.environment_id, d.scheduled_at)
            is distinct from (new.artifact_id, new.config_revision, new.environment_id, new.scheduled_at) then
        raise exception 'deployment % changed since it was shown (version %)', d.id, d.request_version
            using errcode = 'LS409', hint = d.status;
    end if;
    if exists (select 1 from lockstep.deployment_approvals a
                where a.org_id = new.org_id and a.deployment_id = new.deployment_id
                  and a.request_version = new.request_version and a.approver_id = new.approver_id
                  and a.expires_at > new.decided_at) then
        raise exception 'this person has decided on version % of deployment % already', new.request_version, d.id
            using errcode = 'unique_violation', constraint = 'deployment_approvals_one_per_person';
    end if;
    return new;
end
$$;

create trigger deployment_approvals_check before insert on lockstep.deployment_approvals
    for each row execute function lockstep.deployment_approvals_check();

revoke update, delete, truncate on lockstep.deployment_approvals from ${app_role};
revoke delete, truncate on lockstep.deployments from ${app_role};

alter table lockstep.approval_policies enable row level security;
alter table lockstep.approval_policies force row level security;
create policy approval_policies_tenant on lockstep.approval_policies
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.deploy_targets enable row level security;
alter table lockstep.deploy_targets force row level security;
create policy deploy_targets_tenant on lockstep.deploy_targets
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.deployments enable row level security;
alter table lockstep.deployments force row level security;
create policy deployments_tenant on lockstep.deployments
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
create policy deployments_scheduler on lockstep.deployments
    for select using (lockstep.current_scheduler());

alter table lockstep.deployment_approvals enable row level security;
alter table lockstep.deployment_approvals force row level security;
create policy deployment_approvals_tenant on lockstep.deployment_approvals
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

-- A deployment's own timeline reads its audit events by target.
create index audit_events_org_target_idx on lockstep.audit_events (org_id, target_id, seq)
    where target_id is not null;
