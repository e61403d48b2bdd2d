-- Environment config with history. A config revision is an immutable, numbered snapshot of an environment's (or,
-- with environment_id null, a project's shared) infrastructure spec and variables. Editing and restoring both add
-- a revision; the runtime role may insert and read them, never update or delete them (deleting an environment
-- or project removes its revisions through the foreign keys, which run as the owner).

create table lockstep.config_revisions (
    org_id           uuid not null,
    id               uuid not null,
    project_id       uuid not null,
    environment_id   uuid,
    number           integer not null,
    infrastructure   text not null default '',
    message          text,
    author_type      text not null,
    author_id        text,
    author_name      text not null,
    created_at       timestamptz not null,
    restored_from    integer,
    summary          text not null,
    primary key (org_id, id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    foreign key (org_id, environment_id) references lockstep.environments (org_id, id) on delete cascade,
    constraint config_revisions_number_positive check (number > 0)
);
-- One revision per number and scope: two saves from the same base cannot both win.
create unique index config_revisions_environment_number_key
    on lockstep.config_revisions (org_id, environment_id, number) where environment_id is not null;
create unique index config_revisions_project_number_key
    on lockstep.config_revisions (org_id, project_id, number) where environment_id is null;

create table lockstep.config_variables (
    org_id        uuid not null,
    revision_id   uuid not null,
    position      integer not null,
    name          text not null,
    value         text,
    sealed        bytea,
    key_id        text,
    fingerprint   text not null,
    sensitive     boolean not null,
    visibility    text not null,
    primary key (org_id, revision_id, name),
    foreign key (org_id, revision_id) references lockstep.config_revisions (org_id, id) on delete cascade,
    constraint config_variables_visibility check (visibility in ('BUILD', 'RUNTIME', 'BOTH')),
    -- A sensitive value is only ever stored sealed; a plain one only in clear.
    constraint config_variables_sealed_when_sensitive check (
        (sensitive and value is null and sealed is not null and key_id is not null)
        or (not sensitive and value is not null and sealed is null))
);

revoke update, delete, truncate on lockstep.config_revisions from ${app_role};
revoke update, delete, truncate on lockstep.config_variables from ${app_role};

alter table lockstep.config_revisions enable row level security;
alter table lockstep.config_revisions force row level security;
create policy config_revisions_tenant on lockstep.config_revisions
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.config_variables enable row level security;
alter table lockstep.config_variables force row level security;
create policy config_variables_tenant on lockstep.config_variables
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
