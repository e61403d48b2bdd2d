-- Run by the container's superuser on its database "lockstep" (see LocalPostgresContainer): the same two roles as
-- ops/postgres/create-roles.sql, so the application runs as it does in production, as a role that cannot bypass
-- row-level security.
create role lockstep_owner login nosuperuser nobypassrls password 'local-owner';
create role lockstep_app login nosuperuser nobypassrls nocreatedb nocreaterole password 'local-app';
alter database lockstep owner to lockstep_owner;
grant connect, temporary on database lockstep to lockstep_app;
