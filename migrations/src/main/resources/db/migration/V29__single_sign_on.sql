-- Issue 18: single sign-on with OpenID Connect, per organization (decision 32).
--
-- An organization's owner names one OpenID Connect provider (issuer, client id, client secret sealed with the
-- secrets keys like deploy target secrets) and the email domains it vouches for. A domain counts only once it is
-- verified (a DNS TXT record holding the domain's verification token); at most one organization can hold a
-- domain verified. People signing in through the provider with an address at a verified domain join the
-- organization with its default role; new people get an account without a password.
--
-- Signing in starts before anyone is known: the provider is found by its registration id (the organization's
-- slug, which never changes) or by an email's domain. That lookup runs in a transaction that names the one
-- registration id or domain it may read (lockstep.sso_lookup), as webhook deliveries name their hook id.

create function lockstep.current_sso_lookup() returns text
    language sql stable
    as $$ select nullif(current_setting('lockstep.sso_lookup', true), '') $$;

-- People who only ever sign in through their organization's provider have no password.
alter table lockstep.users alter column password_hash drop not null;

create table lockstep.sso_providers (
    org_id            uuid not null references lockstep.organizations (id) on delete cascade,
    registration_id   text not null,
    issuer            text not null,
    client_id         text not null,
    secret_sealed     bytea not null,
    secret_key_id     text not null,
    default_role      text not null default 'VIEWER',
    updated_at        timestamptz not null,
    updated_by        text not null,
    primary key (org_id),
    constraint sso_providers_registration_key unique (registration_id),
    constraint sso_providers_issuer_url check (issuer ~ '^https?://[^\s]+$' and length(issuer) <= 500),
    constraint sso_providers_client_id_length check (length(client_id) between 1 and 300),
    constraint sso_providers_default_role check (default_role in ('ADMIN', 'LEAD', 'DEVELOPER', 'VIEWER', 'AUDITOR'))
);

create table lockstep.sso_domains (
    org_id              uuid not null references lockstep.organizations (id) on delete cascade,
    domain              text not null,
    verification_token  text not null,
    added_at            timestamptz not null,
    verified_at         timestamptz,
    primary key (org_id, domain),
    constraint sso_domains_lowercase check (domain = lower(domain) and length(domain) <= 253)
);
-- One organization at most holds a domain verified.
create unique index sso_domains_verified_key on lockstep.sso_domains (domain) where verified_at is not null;

alter table lockstep.sso_providers enable row level security;
alter table lockstep.sso_providers force row level security;
create policy sso_providers_tenant on lockstep.sso_providers
    using (org_id = lockstep.current_org_id()
        or registration_id = lockstep.current_sso_lookup()
        or org_id in (select d.org_id from lockstep.sso_domains d
                      where d.domain = lockstep.current_sso_lookup() and d.verified_at is not null))
    with check (org_id = lockstep.current_org_id());

alter table lockstep.sso_domains enable row level security;
alter table lockstep.sso_domains force row level security;
create policy sso_domains_tenant on lockstep.sso_domains
    using (org_id = lockstep.current_org_id()
        or (domain = lockstep.current_sso_lookup() and verified_at is not null))
    with check (org_id = lockstep.current_org_id());
