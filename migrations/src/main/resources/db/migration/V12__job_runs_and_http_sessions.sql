-- Lockstep schema, version 12: periodic jobs run once across instances, and browser sessions shared by instances.
--
-- job_runs: an instance runs a periodic job (the daily checkpoint signing, the hourly clean-up) only after it
-- inserted the row of that job and period; every other instance finds the row there and skips the period. Not tenant
-- data (jobs span organizations), so no row-level security, like login_attempts.
create table lockstep.job_runs (
    job         text not null,
    period      text not null,
    claimed_by  text not null,
    claimed_at  timestamptz not null,
    primary key (job, period)
);

create index job_runs_claimed_idx on lockstep.job_runs (claimed_at);

-- Browser sessions, kept by Spring Session JDBC (spring.session.jdbc.table-name = lockstep.http_sessions) so that
-- any instance serves any request and a logout ends the session everywhere. The column names are the ones Spring
-- Session's queries use. A session holds who is signed in (the security context), never a secret: passwords are
-- not kept, API tokens never make sessions.
create table lockstep.http_sessions (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint not null,
    last_access_time       bigint not null,
    max_inactive_interval  integer not null,
    expiry_time            bigint not null,
    principal_name         varchar(100),
    constraint http_sessions_pk primary key (primary_id)
);

create unique index http_sessions_session_id_key on lockstep.http_sessions (session_id);
create index http_sessions_expiry_idx on lockstep.http_sessions (expiry_time);
create index http_sessions_principal_idx on lockstep.http_sessions (principal_name);

create table lockstep.http_sessions_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea not null,
    constraint http_sessions_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_sessions_attributes_fk foreign key (session_primary_id)
        references lockstep.http_sessions (primary_id) on delete cascade
);
