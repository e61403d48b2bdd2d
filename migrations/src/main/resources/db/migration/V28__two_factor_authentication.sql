-- Issue 18: two-factor authentication (TOTP, RFC 6238) with recovery codes, for password accounts, and an
-- organization's requirement that its members use it.
--
-- A person's second factor is not tenant data: no organization owns an account, so like lockstep.users (and
-- lockstep.login_attempts) these tables have no org_id and no row-level security. The secret is sealed with the
-- secrets keys (AES-256-GCM, bound to the person's id); recovery codes are kept only as salted SHA-256 hashes.
-- Wrong codes are counted in lockstep.login_attempts under a key of their own (the SHA-256 of the person's id),
-- so no new table is needed for the lockout.

create table lockstep.two_factor_secrets (
    user_id         uuid primary key references lockstep.users (id) on delete cascade,
    secret_key_id   text not null,
    secret_sealed   bytea not null,
    -- null while the secret waits for the first code that proves the person's app has it
    enabled_at      timestamptz,
    -- the last 30-second step whose code was accepted: each code works at most once
    last_used_step  bigint not null default -1,
    created_at      timestamptz not null
);

create table lockstep.two_factor_recovery_codes (
    user_id    uuid not null references lockstep.two_factor_secrets (user_id) on delete cascade,
    code_hash  text not null,
    used_at    timestamptz,
    primary key (user_id, code_hash),
    constraint two_factor_recovery_codes_hash check (code_hash ~ '^[0-9a-f]{64}$')
);

-- Owners may require two-factor of the members: their pages then lead to enabling it first (API tokens unaffected).
-- An update of organizations already invalidates the cached memberships (V11), which carry this flag.
alter table lockstep.organizations add column require_two_factor boolean not null default false;
