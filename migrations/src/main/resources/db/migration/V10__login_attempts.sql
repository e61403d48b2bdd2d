-- Lockstep schema, version 10: login attempts, counted atomically per email address.
--
-- One row per email address someone tried to log in with, whether or not an account has it (so that the answers,
-- "wrong email or password" and "locked for 15 minutes", are the same for every address and tell nobody which
-- addresses have accounts). The address is stored only as the hex SHA-256 of its normalized form. An attempt is
-- counted by one upsert before the password is checked, so concurrent guesses cannot all read "not locked": after
-- five unsuccessful attempts in a row the address is locked for 15 minutes; a successful login deletes the row.
-- Not tenant data: no organization owns a login, so the table has no org_id and no row-level security, like users.
--
-- users.failed_logins and users.locked_until are no longer read or written (instances of the previous version may
-- still write them during a rolling upgrade); a later migration drops them.

create table lockstep.login_attempts (
    email_key     text primary key,
    attempts      integer not null,
    locked_until  timestamptz,
    updated_at    timestamptz not null,
    constraint login_attempts_key_format check (email_key ~ '^[0-9a-f]{64}$'),
    constraint login_attempts_attempts check (attempts >= 0)
);

create index login_attempts_updated_idx on lockstep.login_attempts (updated_at);

comment on column lockstep.users.failed_logins is 'Unused since V10 (see lockstep.login_attempts).';
comment on column lockstep.users.locked_until is 'Unused since V10 (see lockstep.login_attempts).';
