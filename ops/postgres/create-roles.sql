-- Run once as a PostgreSQL superuser (psql -f ops/postgres/create-roles.sql) before the first start of Lockstep
-- against your own server. Change the passwords. Flyway then migrates as lockstep_owner; the application runs as
-- lockstep_app, which is no superuser, has NOBYPASSRLS and owns nothing, so row-level security always applies.
create role lockstep_owner login nosuperuser nobypassrls password 'change-me-owner';
create role lockstep_app login nosuperuser nobypassrls nocreatedb nocreaterole password 'change-me-app';
create database lockstep owner lockstep_owner;
grant connect, temporary on database lockstep to lockstep_app;
