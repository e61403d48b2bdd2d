-- Issue 17: project templates. A template is a definition saved from a project (environments in order with tiers,
-- branch patterns, approval gates, windows and deploy target types; the shared variables' names; a spec skeleton),
-- kept as one JSON document; a project created from one remembers it, so its drift can be shown and brought back.
create table lockstep.project_templates (
    org_id           uuid not null references lockstep.organizations (id) on delete cascade,
    id               uuid not null,
    slug             text not null,
    name             text not null,
    definition       jsonb not null,
    updated_at       timestamptz not null,
    updated_by_name  text not null,
    primary key (org_id, id),
    constraint project_templates_slug_key unique (org_id, slug),
    constraint project_templates_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint project_templates_definition_shape check (jsonb_typeof(definition) = 'object')
);

create table lockstep.project_template_links (
    org_id       uuid not null,
    project_id   uuid not null,
    template_id  uuid not null,
    primary key (org_id, project_id),
    foreign key (org_id, project_id) references lockstep.projects (org_id, id) on delete cascade,
    foreign key (org_id, template_id) references lockstep.project_templates (org_id, id) on delete cascade
);

alter table lockstep.project_templates enable row level security;
alter table lockstep.project_templates force row level security;
create policy project_templates_tenant on lockstep.project_templates
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());

alter table lockstep.project_template_links enable row level security;
alter table lockstep.project_template_links force row level security;
create policy project_template_links_tenant on lockstep.project_template_links
    using (org_id = lockstep.current_org_id()) with check (org_id = lockstep.current_org_id());
