-- Lockstep schema, version 4: the audit trail becomes a hash chain per organization, with signed checkpoints and
-- the indexes its filters need.
--
-- Event n of an organization carries prev_hash (the hash of event n-1; 64 zeros for event 1) and
-- hash = SHA-256(prev_hash || canonical JSON of the event), both in lower-case hex, where prev_hash enters as its
-- 64 hex characters and the canonical JSON as UTF-8. The canonical JSON (see README "Audit trail" and the Java
-- class AuditChain) is the object {action, actor {id, name, type}, at, details, environment, ip, org, project,
-- seq, target {id, type}} without whitespace, keys sorted by code point, "at" as yyyy-MM-ddTHH:mm:ss.SSSZ.
-- The application computes the hashes when it appends; this migration computes them in SQL for the events that
-- exist already, with lockstep.audit_canonical_json(), which writes exactly the same text.

-- The canonical JSON of a jsonb value: no whitespace, object keys sorted by code point (byte order of UTF-8,
-- which is collation "C"), strings escaped as jsonb writes them (only '"', '\' and U+0000..U+001F).
create function lockstep.audit_canonical_json(value jsonb) returns text
    language plpgsql immutable
    as $$
declare
    result text;
begin
    case jsonb_typeof(value)
        when 'object' then
            select '{' || coalesce(string_agg(to_jsonb(e.key)::text || ':' || lockstep.audit_canonical_json(e.item),
                                              ',' order by e.key collate "C"), '') || '}'
              into result
              from jsonb_each(value) as e(key, item);
        when 'array' then
            select '[' || coalesce(string_agg(lockstep.audit_canonical_json(a.item), ',' order by a.position), '') || ']'
              into result
              from jsonb_array_elements(value) with ordinality as a(item, position);
        else
            result := value::text;
    end case;
    return result;
end $$;

-- The canonical JSON of one stored event.
create function lockstep.audit_event_canonical_json(e lockstep.audit_events) returns text
    language sql immutable
    as $$
    select lockstep.audit_canonical_json(jsonb_build_object(
        'seq', e.seq,
        'at', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'actor', jsonb_build_object('type', e.actor_type, 'id', e.actor_id, 'name', e.actor_name),
        'action', e.action,
        'target', jsonb_build_object('type', e.target_type, 'id', e.target_id),
        'project', e.project_slug,
        'environment', e.environment_name,
        'details', e.details,
        'ip', e.ip,
        'org', e.org_id::text))
$$;

alter table lockstep.audit_events add column prev_hash text, add column hash text;
alter table lockstep.audit_heads add column last_hash text;

-- Chain the events that exist already (developers' databases). The migration runs as the owner, whom row-level
-- security binds too (FORCE): lift FORCE and the append-only trigger for this transaction only.
alter table lockstep.audit_events disable trigger audit_events_append_only;
alter table lockstep.audit_events no force row level security;
alter table lockstep.audit_heads no force row level security;

update lockstep.audit_events
   set occurred_at = date_trunc('milliseconds', occurred_at)
 where occurred_at <> date_trunc('milliseconds', occurred_at);

do $$
declare
    event record;
    previous text;
    current_org uuid;
    digest text;
begin
    for event in select e.org_id, e.seq, lockstep.audit_event_canonical_json(e) as canonical
                   from lockstep.audit_events e
                  order by e.org_id, e.seq loop
        if current_org is distinct from event.org_id then
            current_org := event.org_id;
            previous := repeat('0', 64);
        end if;
        digest := encode(sha256(convert_to(previous || event.canonical, 'UTF8')), 'hex');
        update lockstep.audit_events
           set prev_hash = previous, hash = digest
         where org_id = event.org_id and seq = event.seq;
        previous := digest;
    end loop;
end $$;

update lockstep.audit_heads h
   set last_hash = coalesce((select e.hash from lockstep.audit_events e
                              where e.org_id = h.org_id and e.seq = h.last_seq), repeat('0', 64));

alter table lockstep.audit_events enable trigger audit_events_append_only;
alter table lockstep.audit_events force row level security;
alter table lockstep.audit_heads force row level security;

alter table lockstep.audit_events
    alter column prev_hash set not null,
    alter column hash set not null,
    add constraint audit_events_hash_format check (hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$'),
    add constraint audit_events_seq_positive check (seq > 0),
    add constraint audit_events_millisecond_instants check (occurred_at = date_trunc('milliseconds', occurred_at));
alter table lockstep.audit_heads
    alter column last_hash set default '0000000000000000000000000000000000000000000000000000000000000000',
    alter column last_hash set not null,
    add constraint audit_heads_hash_format check (last_hash ~ '^[0-9a-f]{64}$');

-- The daily signing job lists every chain's head (organization id, sequence number, hash; nothing else) in a
-- transaction that declares itself the signer. Every other access to the heads stays bound to one organization.
create function lockstep.audit_signer() returns boolean
    language sql stable
    as $$ select coalesce(current_setting('lockstep.audit_signer', true), '') = 'on' $$;
create policy audit_heads_signer on lockstep.audit_heads
    for select using (lockstep.audit_signer());

-- Signed checkpoints: the head of a chain (seq, hash) signed with the deployment's Ed25519 key, once a day and on
-- demand. Append-only like the events. The public key is kept with each signature; a checkpoint is trusted when
-- its key is the configured one (key_id = first 16 hex characters of SHA-256 of the X.509 public key).
create table lockstep.audit_checkpoints (
    org_id      uuid not null references lockstep.organizations (id) on delete cascade,
    id          uuid not null,
    seq         bigint not null,
    hash        text not null,
    signed_at   timestamptz not null,
    signed_by   text not null,
    key_id      text not null,
    public_key  text not null,
    signature   text not null,
    primary key (org_id, id),
    constraint audit_checkpoints_hash_format check (hash ~ '^[0-9a-f]{64}$'),
    constraint audit_checkpoints_seq check (seq >= 0),
    constraint audit_checkpoints_millisecond_instants check (signed_at = date_trunc('milliseconds', signed_at))
);
create index audit_checkpoints_org_time_idx on lockstep.audit_checkpoints (org_id, signed_at desc);

create function lockstep.reject_checkpoint_change() returns trigger
    language plpgsql
    as $$ begin raise exception 'audit checkpoints are append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end $$;
create trigger audit_checkpoints_append_only
    before update or delete on lockstep.audit_checkpoints
    for each row execute function lockstep.reject_checkpoint_change();
create trigger audit_checkpoints_no_truncate
    before truncate on lockstep.audit_checkpoints
    for each statement execute function lockstep.reject_checkpoint_change();
revoke update, delete, truncate on lockstep.audit_checkpoints from ${app_role};

alter table lockstep.audit_checkpoints enable row level security;
alter table lockstep.audit_checkpoints force row level security;
create policy audit_checkpoints_tenant on lockstep.audit_checkpoints
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

-- The audit page's and API's filters, each newest first by sequence number (actions and time already have theirs).
create index audit_events_org_actor_idx on lockstep.audit_events (org_id, actor_id, seq desc);
create index audit_events_org_project_idx on lockstep.audit_events (org_id, project_slug, environment_name, seq desc);
create index audit_events_org_environment_idx on lockstep.audit_events (org_id, environment_name, seq desc);
