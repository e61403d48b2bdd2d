-- Issue 13: each instance keeps an organization's list of projects and environments in memory for the release board
-- (the "config" kind of V11). V11 announced a project renamed or deleted, since a project without environments held no
-- cached config; the list also changes when a project is added, so an insert announces itself too.
create trigger projects_cache_insert after insert on lockstep.projects
    for each row execute function lockstep.notify_cache_change('config', 'org_id');
