-- Benchmark data for "Pages at scale" (issue 13), generated set-based with generate_series.
-- Run as a superuser (row-level security and the append-only triggers do not bind it) on a database that Flyway has
-- migrated and that holds no organization yet. run.sh passes the sizes:
--   psql -v orgs=1000 -v events=10000000 -v big_events=1000000 -v projects=100 -v deploys=100 -f generate.sql
--
-- What it makes:
-- * one owner (bench-owner@lockstep.test, password lockstep-bench) who owns all organizations, and a lead and a
--   developer in the big organization (same password), so approvals are made by someone else than the requester;
-- * organization "big" (Europe/Paris): :projects projects x 4 environments (development, test, staging, production),
--   25 config revisions of 30 variables per environment, 10 project-wide revisions, 1,000 commits and 250 artifacts
--   per project, :deploys deployments per environment (with approvals on staging and production, rejected,
--   cancelled, failed and emergency ones), some awaiting approval, scheduled or running now, 12 organization freezes;
-- * :orgs - 1 small organizations (org-0001...), each with one project of 3 environments, 3 revisions each,
--   10 commits, 5 artifacts and 5 deployments per environment;
-- * :events audit events in all, :big_events of them in the big organization.
--
-- The audit chains are linked (each prev_hash is the hash of the event before, the heads hold the last hash) but
-- the hashes are not computed over the events' canonical JSON: hash = sha256(org_id || ':' || seq). No page and no
-- start-up job checks them (only verification and the exports do, and the benchmark does not run those), and new
-- events append correctly on top. `lockstep.jar verify-audit-chains` reports these chains as broken.

\set ON_ERROR_STOP on
\timing on
set session_replication_role = replica; -- no triggers and no foreign key checks while loading
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '64MB';

create extension if not exists pgcrypto with schema public;

create temporary table bench_params as
select :orgs::int as orgs, :events::bigint as events, :big_events::bigint as big_events, :projects::int as projects,
       :deploys::int as deploys, date_trunc('second', now()) as now;

-- People --------------------------------------------------------------------------------------------------------
insert into lockstep.users (id, email, name, password_hash, created_at)
select ('00000000-0000-4000-8000-00000000000' || n)::uuid, email, name,
       '{bcrypt}' || public.crypt('lockstep-bench', public.gen_salt('bf', 10)), now() - interval '800 days'
  from (values (1, 'bench-owner@lockstep.test', 'Bench Owner'), (2, 'bench-lead@lockstep.test', 'Bench Lead'),
               (3, 'bench-dev@lockstep.test', 'Bench Developer')) as p(n, email, name);

-- Organizations: number 0 is "big" ------------------------------------------------------------------------------
create temporary table bench_orgs as
select o as n, md5('org' || o)::uuid as id, case when o = 0 then 'big' else 'org-' || lpad(o::text, 4, '0') end as slug,
       case when o = 0 then (select big_events from bench_params)
            else ((select events - big_events from bench_params) / ((select orgs from bench_params) - 1))
                 + case when o <= ((select events - big_events from bench_params) % ((select orgs from bench_params) - 1))
                        then 1 else 0 end end as events
  from generate_series(0, (select orgs - 1 from bench_params)) o;
create unique index on bench_orgs (n);

insert into lockstep.organizations (id, slug, name, time_zone, created_at)
select id, slug, case when n = 0 then 'Big Corp' else 'Organization ' || n end,
       case when n = 0 then 'Europe/Paris' else 'UTC' end, (select now from bench_params) - interval '800 days'
  from bench_orgs;

insert into lockstep.memberships (org_id, user_id, role, created_at)
select id, '00000000-0000-4000-8000-000000000001', 'OWNER', (select now from bench_params) - interval '800 days'
  from bench_orgs;
insert into lockstep.memberships (org_id, user_id, role, created_at)
select md5('org0')::uuid, u::uuid, r, (select now from bench_params) - interval '800 days'
  from (values ('00000000-0000-4000-8000-000000000002', 'LEAD'),
               ('00000000-0000-4000-8000-000000000003', 'DEVELOPER')) as m(u, r);
update lockstep.users set last_org_id = md5('org0')::uuid;

-- Projects and environments -------------------------------------------------------------------------------------
create temporary table bench_projects as
select o.n as org_n, o.id as org_id, p as n, md5('project' || o.n || '/' || p)::uuid as id,
       case when o.n = 0 then 'service-' || lpad(p::text, 3, '0') else 'app' end as slug
  from bench_orgs o
  cross join lateral generate_series(1, case when o.n = 0 then (select projects from bench_params) else 1 end) p;
create unique index on bench_projects (org_n, n);

insert into lockstep.projects (org_id, id, slug, name, repository_url, description, created_at, updated_at)
select org_id, id, slug, initcap(replace(slug, '-', ' ')), 'https://github.com/bench/' || slug, 'Benchmark project',
       (select now from bench_params) - interval '800 days', (select now from bench_params) - interval '800 days'
  from bench_projects;

create temporary table bench_envs as
select p.org_n, p.org_id, p.n as project_n, p.id as project_id, p.slug as project_slug, e.position,
       md5('env' || p.org_n || '/' || p.n || '/' || e.position)::uuid as id, e.name, e.tier
  from bench_projects p
  cross join lateral (values (1, 'development', 'DEVELOPMENT'), (2, 'test', 'STAGING'), (3, 'staging', 'STAGING'),
                             (4, 'production', 'PRODUCTION')) as e(position, name, tier)
 where p.org_n = 0 or e.position <> 2;
create unique index on bench_envs (org_n, project_n, position);

insert into lockstep.environments (org_id, id, project_id, name, tier, position, branch_pattern, time_zone, created_at,
                                   updated_at)
select org_id, id, project_id, name, tier, case when org_n = 0 or position = 1 then position else position - 1 end,
       null, case when org_n = 0 then 'Europe/Paris' else 'UTC' end,
       (select now from bench_params) - interval '800 days', (select now from bench_params) - interval '800 days'
  from bench_envs;

insert into lockstep.approval_policies (org_id, environment_id, required_approvals, approver_roles,
                                        allow_self_approval, approval_valid_hours, requires_success_in, updated_at,
                                        updated_by_name)
select org_id, id, case when tier = 'PRODUCTION' and project_n % 5 = 0 then 2 else 1 end,
       array['OWNER', 'ADMIN', 'LEAD'], false, 24, case when tier = 'PRODUCTION' then 'staging' end,
       (select now from bench_params) - interval '700 days', 'Bench Owner'
  from bench_envs where position >= 3;

insert into lockstep.organization_freezes (org_id, id, start_at, end_at, reason, created_by, created_by_name, created_at)
select md5('org0')::uuid, md5('freeze' || f)::uuid,
       (select now from bench_params) - (f * 60) * interval '1 day',
       (select now from bench_params) - (f * 60 - 3) * interval '1 day', 'Freeze ' || f,
       '00000000-0000-4000-8000-000000000001', 'Bench Owner', (select now from bench_params) - (f * 60 + 5) * interval '1 day'
  from generate_series(0, 11) f;

-- Config revisions: 25 per environment (3 in small organizations) and 10 per project (big only) --------------------
create temporary table bench_revisions as
select e.org_id, md5('rev' || e.id || '/' || r)::uuid as id, e.project_id, e.id as environment_id, r as number,
       (select now from bench_params) - interval '760 days' + (r * 30 + e.position) * interval '1 day' as created_at
  from bench_envs e cross join lateral generate_series(1, case when e.org_n = 0 then 25 else 3 end) r
union all
select p.org_id, md5('rev' || p.id || '/' || r)::uuid, p.id, null, r,
       (select now from bench_params) - interval '780 days' + (r * 70) * interval '1 day'
  from bench_projects p cross join lateral generate_series(1, 10) r where p.org_n = 0;

insert into lockstep.config_revisions (org_id, id, project_id, environment_id, number, infrastructure, message,
                                       author_type, author_id, author_name, created_at, restored_from, summary)
select org_id, id, project_id, environment_id, number,
       case when environment_id is null then E'applications:\n  app:\n    type: php:8.3\n' else '' end,
       'Revision ' || number, 'USER', '00000000-0000-4000-8000-000000000001', 'Bench Owner', created_at, null,
       case when number = 1 then '30 added' else '2 changed' end
  from bench_revisions;

insert into lockstep.config_variables (org_id, revision_id, position, name, value, sealed, key_id, fingerprint,
                                       sensitive, visibility)
select r.org_id, r.id, v, 'VARIABLE_' || lpad(v::text, 2, '0'),
       'value-' || v || '-' || (r.number / (1 + v % 12)), null, null,
       md5('VARIABLE_' || v || '=' || 'value-' || v || '-' || (r.number / (1 + v % 12))), false, 'RUNTIME'
  from bench_revisions r cross join lateral generate_series(1, 30) v;

-- Code: 1,000 commits per project on main (10 in small organizations), an artifact every 4th commit ---------------
insert into lockstep.code_changes (org_id, project_id, sha, branch, author, message, committed_at, url, received_at,
                                   source)
select p.org_id, p.id, left(encode(sha256(convert_to('commit' || p.id || '/' || c, 'UTF8')), 'hex'), 40), 'main',
       'Dev ' || (c % 7), 'Change number ' || c || ' of ' || p.slug,
       (select now from bench_params) - interval '750 days' + c * (interval '750 days' / n.commits),
       'https://github.com/bench/' || p.slug || '/commit/' || c,
       (select now from bench_params) - interval '750 days' + c * (interval '750 days' / n.commits) + interval '1 minute',
       'GITHUB'
  from bench_projects p
  cross join lateral (select case when p.org_n = 0 then 1000 else 10 end as commits) n
  cross join lateral generate_series(1, n.commits) c
 order by 7;

create temporary table bench_artifacts as
select p.org_n, p.org_id, p.n as project_n, p.id as project_id, a as n, md5('artifact' || p.id || '/' || a)::uuid as id,
       left(encode(sha256(convert_to('commit' || p.id || '/' || (a * 4), 'UTF8')), 'hex'), 40) as commit_sha,
       (select now from bench_params) - interval '750 days' + (a * 4) * (interval '750 days' / n.commits)
           + interval '5 minutes' as created_at
  from bench_projects p
  cross join lateral (select case when p.org_n = 0 then 1000 else 10 end as commits) n
  cross join lateral generate_series(1, n.commits / 4) a;
create unique index on bench_artifacts (org_n, project_n, n);

insert into lockstep.artifacts (org_id, id, project_id, version, commit_sha, digest, created_at, created_by_type,
                                created_by_id, created_by_name)
select org_id, id, project_id, '1.' || (n / 100) || '.' || (n % 100), commit_sha,
       'sha256:' || encode(sha256(convert_to('digest' || id, 'UTF8')), 'hex'), created_at, 'TOKEN', 'ci', 'CI'
  from bench_artifacts order by created_at;

-- Deployments: :deploys per environment of the big organization, 5 in small ones, oldest first --------------------
-- Deployment k of an environment deploys artifact round(k * artifacts / deploys) minus a lag per stage and the
-- config revision k * revisions / deploys. The newest of some production environments is waiting for approval
-- (projects 1-60), scheduled (61-70) or running (71-75); older ones are failed (every 17th), rejected (every 23rd),
-- cancelled (every 31st), emergencies in production (every 50th, the newest of them unreviewed).
create temporary table bench_deployments as
select e.org_n, e.org_id, e.project_n, e.project_id, e.id as environment_id, e.position, e.tier, k,
       md5('deployment' || e.id || '/' || k)::uuid as id,
       greatest(1, (k * m.artifacts) / m.deploys - (4 - e.position)) as artifact_n,
       greatest(1, (k * m.revisions) / m.deploys) as revision,
       (select now from bench_params) - interval '1 day' - (m.deploys - k) * (interval '738 days' / m.deploys)
           + e.position * interval '2 hours' + (e.project_n % 50) * interval '1 minute' as requested_at,
       case when k = m.deploys and e.tier = 'PRODUCTION' and e.project_n <= 60 and e.org_n = 0 then 'awaiting_approval'
            when k = m.deploys and e.tier = 'PRODUCTION' and e.project_n between 61 and 70 and e.org_n = 0 then 'scheduled'
            when k = m.deploys and e.tier = 'PRODUCTION' and e.project_n between 71 and 75 and e.org_n = 0 then 'running'
            when k % 23 = 0 and e.position >= 3 then 'rejected'
            when k % 31 = 0 then 'cancelled'
            when k % 17 = 0 then 'failed'
            else 'succeeded' end as status,
       (e.tier = 'PRODUCTION' and k % 50 = 0 and k < m.deploys) as emergency,
       case when e.position >= 3 then case when e.tier = 'PRODUCTION' and e.project_n % 5 = 0 then 2 else 1 end
            else 0 end as approvals_required
  from bench_envs e
  cross join lateral (select case when e.org_n = 0 then (select deploys from bench_params) else 5 end as deploys,
                             case when e.org_n = 0 then 250 else 2 end as artifacts,
                             case when e.org_n = 0 then 25 else 3 end as revisions) m
  cross join lateral generate_series(1, m.deploys) k;
update bench_deployments set emergency = false, approvals_required = 0 where status = 'rejected' and emergency;
update bench_deployments set approvals_required = 0 where emergency;
create index on bench_deployments (environment_id, k);

insert into lockstep.deployments (org_id, id, project_id, environment_id, artifact_id, config_revision, scheduled_at,
                                  when_blocked, note, status, emergency, emergency_reason, requested_by_type,
                                  requested_by_id, requested_by_name, requested_by_user, requested_at, request_version,
                                  approvals_required, previous_artifact_id, previous_config_revision, due_at,
                                  blocked_by, dispatch_attempts, last_error, delivery_id, started_at, deadline_at,
                                  finished_at, status_message, log_url, reviewed_at, reviewed_by, reviewed_by_name,
                                  review_comment, updated_at)
select d.org_id, d.id, d.project_id, d.environment_id, a.id, d.revision,
       case when d.status = 'scheduled' then (select now from bench_params) + interval '2 days' end, 'queue',
       case when d.k % 3 = 0 then 'Release ' || d.k end, d.status, d.emergency,
       case when d.emergency then 'Hotfix for incident ' || d.k end, 'USER',
       '00000000-0000-4000-8000-000000000003', 'Bench Developer', '00000000-0000-4000-8000-000000000003',
       d.requested_at, 1, d.approvals_required, pa.id, case when d.k > 1 then p.revision end,
       case when d.status = 'scheduled' then (select now from bench_params) + interval '2 days' end, null, 0, null,
       md5('delivery' || d.id)::uuid,
       case when d.status in ('succeeded', 'failed', 'running') then d.requested_at + interval '20 minutes' end,
       case when d.status = 'running' then (select now from bench_params) + interval '1 hour' end,
       case when d.status in ('succeeded', 'failed') then d.requested_at + interval '25 minutes'
            when d.status in ('rejected', 'cancelled') then d.requested_at + interval '15 minutes' end,
       case when d.status = 'failed' then 'Deployer reported a failure' end, null,
       case when d.emergency then d.requested_at + interval '1 day' end,
       case when d.emergency then '00000000-0000-4000-8000-000000000002'::uuid end,
       case when d.emergency then 'Bench Lead' end,
       case when d.emergency then 'Reviewed' end,
       d.requested_at + interval '25 minutes'
  from bench_deployments d
  join bench_artifacts a on a.org_n = d.org_n and a.project_n = d.project_n and a.n = d.artifact_n
  left join bench_deployments p on p.environment_id = d.environment_id and p.k = d.k - 1
  left join bench_artifacts pa on pa.org_n = p.org_n and pa.project_n = p.project_n and pa.n = p.artifact_n
 order by d.requested_at;
-- The newest emergency of every tenth production environment stays unreviewed.
update lockstep.deployments d set reviewed_at = null, reviewed_by = null, reviewed_by_name = null, review_comment = null
  from bench_deployments b
 where b.id = d.id and b.org_id = d.org_id and b.emergency and b.project_n % 10 = 0
   and b.k = (select max(k) from bench_deployments x where x.environment_id = b.environment_id and x.emergency);

-- Approvals: one per approved or rejected request on staging and production (two where two are required); of the
-- waiting ones, those that need two have one approval already.
insert into lockstep.deployment_approvals (org_id, id, deployment_id, request_version, decision, approver_id,
                                           approver_name, approver_role, via_token, comment, self_approved,
                                           artifact_id, config_revision, environment_id, scheduled_at, decided_at,
                                           expires_at)
select d.org_id, md5('approval' || d.id || '/' || i)::uuid, d.id, 1,
       case when d.status = 'rejected' then 'reject' else 'approve' end,
       case when i = 1 then '00000000-0000-4000-8000-000000000002' else '00000000-0000-4000-8000-000000000001' end::uuid,
       case when i = 1 then 'Bench Lead' else 'Bench Owner' end, case when i = 1 then 'LEAD' else 'OWNER' end, null,
       case when d.status = 'rejected' then 'Not this one' end, false, a.id, d.revision, d.environment_id,
       case when d.status = 'scheduled' then (select now from bench_params) + interval '2 days' end,
       d.requested_at + i * interval '5 minutes', d.requested_at + i * interval '5 minutes' + interval '24 hours'
  from bench_deployments d
  join bench_artifacts a on a.org_n = d.org_n and a.project_n = d.project_n and a.n = d.artifact_n
  cross join lateral generate_series(1, greatest(d.approvals_required, 1)) i
 where d.position >= 3 and not d.emergency
   and (d.status not in ('awaiting_approval', 'rejected') or i = 1)
   and not (d.status = 'awaiting_approval' and d.approvals_required < 2)
   and not (d.status = 'cancelled' and i > 1);

-- Audit events: per organization a chain of `events`, spread over the last 730 days, seq in time order ------------
create temporary table bench_event_places as
select org_n, row_number() over (partition by org_n order by project_n, position) - 1 as place, project_slug, name
  from bench_envs;
create unique index on bench_event_places (org_n, place);
create temporary table bench_place_counts as select org_n, count(*) as places from bench_event_places group by org_n;

-- The audit indexes are dropped while loading and built again afterwards (much faster than maintaining them).
create temporary table bench_audit_indexes as
select indexname, indexdef from pg_indexes
 where schemaname = 'lockstep' and tablename = 'audit_events' and indexname <> 'audit_events_pkey';
do $$ declare i record; begin
    for i in select indexname from bench_audit_indexes loop
        execute format('drop index lockstep.%I', i.indexname);
    end loop;
end $$;

insert into lockstep.audit_events (org_id, seq, occurred_at, actor_type, actor_id, actor_name, action, target_type,
                                   target_id, project_slug, environment_name, details, ip, prev_hash, hash)
select o.id, s,
       date_trunc('milliseconds', (select now from bench_params) - interval '730 days'
           + (s::float8 / o.events) * interval '729 days'),
       case when s % 11 = 0 then 'TOKEN' when s % 13 = 0 then 'SYSTEM' else 'USER' end,
       case when s % 13 = 0 then null else '00000000-0000-4000-8000-00000000000' || (1 + s % 3) end,
       case s % 3 when 0 then 'Bench Owner' when 1 then 'Bench Lead' else 'Bench Developer' end,
       act.action, act.target_type, md5('target' || o.n || '/' || (s / 7))::uuid::text,
       case when act.scoped then pl.project_slug end, case when act.scoped and act.env then pl.name end,
       jsonb_build_object('revision', s % 25, 'summary', '2 changed', 'artifact', '1.2.' || (s % 100),
                          'configRevision', s % 25),
       '10.0.' || (s % 200) || '.' || (s % 250),
       case when s = 1 then repeat('0', 64)
            else encode(sha256(convert_to(o.id::text || ':' || (s - 1), 'UTF8')), 'hex') end,
       encode(sha256(convert_to(o.id::text || ':' || s, 'UTF8')), 'hex')
  from bench_orgs o
  join bench_place_counts pc on pc.org_n = o.n
  cross join lateral generate_series(1::bigint, o.events) s
  join bench_event_places pl on pl.org_n = o.n and pl.place = (s * 7919) % pc.places
  cross join lateral (select (array['config.revision_created', 'deployment.requested', 'deployment.approved',
                                    'deployment.scheduled', 'deployment.started', 'deployment.succeeded',
                                    'code.pushed', 'artifact.registered', 'config.secrets_read',
                                    'deployment.failed', 'windows.updated', 'member.added'])[1 + s % 12] as action) a0
  cross join lateral (select a0.action,
                             case when a0.action like 'deployment.%' then 'deployment'
                                  when a0.action like 'config.%' then 'config_revision'
                                  when a0.action = 'member.added' then 'member'
                                  when a0.action = 'windows.updated' then 'environment'
                                  else 'project' end as target_type,
                             a0.action <> 'member.added' as scoped,
                             a0.action not in ('code.pushed', 'artifact.registered') as env) act;

insert into lockstep.audit_heads (org_id, last_seq, last_hash)
select id, events, encode(sha256(convert_to(id::text || ':' || events, 'UTF8')), 'hex') from bench_orgs;

do $$ declare i record; begin
    for i in select indexname, indexdef from bench_audit_indexes loop
        execute i.indexdef;
    end loop;
end $$;

drop extension pgcrypto;
reset session_replication_role;
