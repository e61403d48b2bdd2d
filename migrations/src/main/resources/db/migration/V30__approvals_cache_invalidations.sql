-- Issue 13: the approvals count on every page an approver opens is kept in each instance's memory. Every change that
-- could move it announces itself on lockstep_cache as 'approvals:<organization id>' (see V11): a request made, one
-- whose status or version changes, a decision, a gate of an environment or of the organization.
create trigger deployments_cache_approvals after insert or delete
        or update of status, request_version, approvals_required, requested_by_user on lockstep.deployments
    for each row execute function lockstep.notify_cache_change('approvals', 'org_id');
create trigger deployment_approvals_cache after insert or update or delete on lockstep.deployment_approvals
    for each row execute function lockstep.notify_cache_change('approvals', 'org_id');
create trigger approval_policies_cache after insert or update or delete on lockstep.approval_policies
    for each row execute function lockstep.notify_cache_change('approvals', 'org_id');
create trigger organization_gates_cache after insert or update or delete on lockstep.organization_gates
    for each row execute function lockstep.notify_cache_change('approvals', 'org_id');
