-- Issue 18: notifications to Slack, Microsoft Teams, signed webhooks and email.

-- Where an organization's notices go: the whole organization's projects (project_id null) or one project, for the
-- events chosen. A Slack or Teams incoming-webhook URL is itself the credential, so it is sealed (AES-256-GCM, bound
-- to the organization and the channel); a signed webhook keeps its URL in clear and seals its signing secret; email
-- lists its recipients. display is what the page may show of the address (never the secret part).
create table lockstep.notification_channels (
    org_id          uuid not null,
    id              uuid not null,
    project_id      uuid,
    kind            text not null,
    name            text not null,
    display         text not null,
    url             text,
    secret_sealed   bytea,
    secret_key_id   text,
    recipients      text[] not null default '{}',
    events          text[] not null,
    enabled         boolean not null,
    created_at      timestamptz not null,
    created_by_name text not null,
    primary key (org_id, id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    constraint notification_channels_kind check (kind in ('SLACK', 'TEAMS', 'WEBHOOK', 'EMAIL')),
    constraint notification_channels_name_length check (char_length(name) between 1 and 80),
    constraint notification_channels_secret check ((secret_sealed is null) = (secret_key_id is null)),
    constraint notification_channels_target check (
        (kind in ('SLACK', 'TEAMS') and secret_sealed is not null)
        or (kind = 'WEBHOOK' and url is not null and secret_sealed is not null)
        or (kind = 'EMAIL' and cardinality(recipients) between 1 and 20))
);
create index notification_channels_project_idx on lockstep.notification_channels (org_id, project_id);

-- One notice to one channel, from enqueued (in the transaction of the change it tells about) to delivered or failed
-- for good. dedupe_key makes a notice raised by a periodic check (a review due, a freeze starting) go out once per
-- channel whichever instance raises it. A delivery is claimed (claimed_until) while it is being sent, so two
-- instances never send it at once and a killed instance's claim simply lapses.
create table lockstep.notification_deliveries (
    org_id           uuid not null,
    id               uuid not null,
    seq              bigint generated always as identity,
    channel_id       uuid not null,
    event            text not null,
    dedupe_key       text,
    subject          text not null,
    body             text not null,
    link             text,
    project_slug     text,
    environment_name text,
    status           text not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    claimed_until    timestamptz,
    last_detail      text,
    created_at       timestamptz not null,
    finished_at      timestamptz,
    primary key (org_id, id),
    foreign key (org_id, channel_id) references lockstep.notification_channels (org_id, id) on delete cascade,
    constraint notification_deliveries_status check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint notification_deliveries_once unique (org_id, channel_id, dedupe_key)
);
create index notification_deliveries_due_idx on lockstep.notification_deliveries (next_attempt_at)
    where status = 'PENDING';
create index notification_deliveries_recent_idx on lockstep.notification_deliveries (org_id, channel_id, seq desc);
revoke truncate on lockstep.notification_deliveries from ${app_role};

alter table lockstep.notification_channels enable row level security;
alter table lockstep.notification_channels force row level security;
create policy notification_channels_tenant on lockstep.notification_channels
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
-- The periodic checks find the organizations that listen for them before they know which one (read only).
create policy notification_channels_scheduler on lockstep.notification_channels
    for select using (lockstep.current_scheduler());

alter table lockstep.notification_deliveries enable row level security;
alter table lockstep.notification_deliveries force row level security;
create policy notification_deliveries_tenant on lockstep.notification_deliveries
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
-- The sender finds due deliveries of every organization (read only), then claims each in its organization.
create policy notification_deliveries_scheduler on lockstep.notification_deliveries
    for select using (lockstep.current_scheduler());
