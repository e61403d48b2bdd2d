-- Lockstep schema, version 3: API tokens.
-- A token acts as the member who created it, limited to its scopes (and, when given, to one project or one
-- environment). Only the SHA-256 hash of its secret is stored; the first characters (prefix) are kept to tell
-- tokens apart in lists. Owned by one organization like every tenant table, and guarded by row-level security.

-- The hash of the API token presented with a request, so authentication can find exactly that token before it
-- knows the organization.
create function lockstep.current_api_token() returns text
    language sql stable
    as $$ select nullif(current_setting('lockstep.api_token', true), '') $$;

create table lockstep.api_tokens (
    org_id            uuid not null references lockstep.organizations (id) on delete cascade,
    id                uuid not null,
    name              text not null,
    token_hash        text not null,
    prefix            text not null,
    scopes            text[] not null,
    project_slug      text,
    environment_name  text,
    created_by        uuid not null references lockstep.users (id) on delete cascade,
    created_at        timestamptz not null,
    expires_at        timestamptz,
    last_used_at      timestamptz,
    revoked_at        timestamptz,
    primary key (org_id, id),
    constraint api_tokens_token_hash_key unique (token_hash),
    constraint api_tokens_name_length check (char_length(name) between 1 and 100),
    constraint api_tokens_scopes check (cardinality(scopes) > 0 and scopes <@ array['config:read', 'config:write',
        'deployments:write', 'code:write', 'audit:read', 'tokens:write']::text[]),
    constraint api_tokens_environment_needs_project check (environment_name is null or project_slug is not null)
);

-- "My tokens" (and everyone's, for owners and admins), newest first.
create index api_tokens_creator_idx on lockstep.api_tokens (org_id, created_by, created_at desc);

-- Row-level security: the bound organization's tokens, and for reading only, the one token whose hash was
-- presented (authentication). Writes always need the organization binding.
alter table lockstep.api_tokens enable row level security;
alter table lockstep.api_tokens force row level security;
create policy api_tokens_tenant on lockstep.api_tokens
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
create policy api_tokens_by_token on lockstep.api_tokens
    for select using (token_hash = lockstep.current_api_token());
