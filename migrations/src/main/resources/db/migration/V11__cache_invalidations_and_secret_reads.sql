-- Lockstep schema, version 11: what lets instances cache the config hot path, and secret reads recorded durably.
--
-- Instances keep API tokens, memberships and where each config lives in memory. Every change that could make such an
-- entry wrong announces itself on the channel lockstep_cache as '<kind>:<organization id>', from a trigger, so no
-- code path can forget to: the notification is delivered to every listening instance when the transaction commits
-- (and never when it rolls back). Kinds: token (a token revoked, changed or deleted), member (a membership added,
-- changed or removed; an organization renamed or deleted; a person renamed or deleted: '*'), config (a config
-- revision saved; a project or environment added, renamed or deleted). PostgreSQL folds identical notifications of
-- one transaction into one.

create function lockstep.notify_cache_change() returns trigger
    language plpgsql
    as $$
declare
    changed jsonb;
begin
    if tg_op = 'DELETE' then
        changed := to_jsonb(old);
    else
        changed := to_jsonb(new);
    end if;
    perform pg_notify('lockstep_cache', tg_argv[0] || ':' || coalesce(changed ->> tg_argv[1], '*'));
    return null;
end
$$;

create trigger api_tokens_cache after update of revoked_at, expires_at, scopes, project_slug, environment_name, name,
        created_by or delete on lockstep.api_tokens
    for each row execute function lockstep.notify_cache_change('token', 'org_id');

create trigger memberships_cache after insert or update or delete on lockstep.memberships
    for each row execute function lockstep.notify_cache_change('member', 'org_id');

create trigger organizations_cache_members after update or delete on lockstep.organizations
    for each row execute function lockstep.notify_cache_change('member', 'id');
create trigger organizations_cache_configs after update or delete on lockstep.organizations
    for each row execute function lockstep.notify_cache_change('config', 'id');
create trigger organizations_cache_tokens after update or delete on lockstep.organizations
    for each row execute function lockstep.notify_cache_change('token', 'id');

-- A person's name is part of every cached membership and token ('*': all organizations).
create trigger users_cache_members after update of name, email or delete on lockstep.users
    for each row execute function lockstep.notify_cache_change('member', 'no_org');
create trigger users_cache_tokens after update of name, email or delete on lockstep.users
    for each row execute function lockstep.notify_cache_change('token', 'no_org');

create trigger config_revisions_cache after insert or update or delete on lockstep.config_revisions
    for each row execute function lockstep.notify_cache_change('config', 'org_id');
create trigger projects_cache after update or delete on lockstep.projects
    for each row execute function lockstep.notify_cache_change('config', 'org_id');
create trigger environments_cache after insert or update or delete on lockstep.environments
    for each row execute function lockstep.notify_cache_change('config', 'org_id');

-- Reads of configs that revealed secret values, recorded by one insert before the values are sent, and folded into
-- the audit chain (one event per reader, environment and revision, with counts) by whichever instance gets to them
-- first: the events and the deletion of the rows they count commit together (see decision 0014). The environment is
-- not a foreign key: a read stays on record when its environment is deleted.
create table lockstep.secret_reads (
    org_id               uuid not null references lockstep.organizations (id) on delete cascade,
    id                   bigint generated always as identity,
    read_at              timestamptz not null,
    actor_type           text not null,
    actor_id             text,
    actor_name           text not null,
    actor_ip             text,
    environment_id       uuid not null,
    project_slug         text not null,
    environment_name     text not null,
    revision             integer not null,
    project_revision     integer not null,
    sensitive_variables  text[] not null,
    primary key (org_id, id)
);

alter table lockstep.secret_reads enable row level security;
alter table lockstep.secret_reads force row level security;
create policy secret_reads_tenant on lockstep.secret_reads
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
-- The folding job finds which organizations have reads waiting before it binds to each.
create policy secret_reads_scheduler on lockstep.secret_reads
    for select using (lockstep.current_scheduler());
