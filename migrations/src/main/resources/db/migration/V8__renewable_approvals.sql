-- Lockstep schema, version 8: an approval that expired while the request gathered the others can be given again.
--
-- V7 allowed one decision per person per request version outright, so a person whose approval had expired could not
-- renew it: only changing the request (which voids everyone's approvals) moved it on. Now a person may decide again
-- once their earlier decision on that version has expired. The check lives in the approvals trigger, which already
-- holds the deployment's row lock, so two decisions by one person still cannot both land; it reports the same
-- unique_violation on the same constraint name as before.

alter table lockstep.deployment_approvals drop constraint deployment_approvals_one_per_person;
create index deployment_approvals_person_idx
    on lockstep.deployment_approvals (org_id, deployment_id, request_version, approver_id);

create or replace function lockstep.deployment_approvals_check() returns trigger
    language plpgsql
    as $$
declare
    d lockstep.deployments%rowtype;
begin
    select * into d from lockstep.deployments where org_id = new.org_id and id = new.deployment_id for update;
    if not found then
        raise exception 'no deployment %', new.deployment_id using errcode = 'LS404';
    end if;
    if d.status <> 'awaiting_approval' then
        raise exception 'deployment % is % and takes no decision', d.id, d.status using errcode = 'LS409',
            hint = d.status;
    end if;
    if d.request_version <> new.request_version
            or (d.artifact_id, d.config_revision, d.environment_id, d.scheduled_at)
            is distinct from (new.artifact_id, new.config_revision, new.environment_id, new.scheduled_at) then
        raise exception 'deployment % changed since it was shown (version %)', d.id, d.request_version
            using errcode = 'LS409', hint = d.status;
    end if;
    if exists (select 1 from lockstep.deployment_approvals a
                where a.org_id = new.org_id and a.deployment_id = new.deployment_id
                  and a.request_version = new.request_version and a.approver_id = new.approver_id
                  and a.expires_at > new.decided_at) then
        raise exception 'this person has decided on version % of deployment % already', new.request_version, d.id
            using errcode = 'unique_violation', constraint = 'deployment_approvals_one_per_person';
    end if;
    return new;
end
$$;
