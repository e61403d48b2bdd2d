package app.lockstep.persistence.template;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.DeployTarget;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.template.ProjectTemplate;
import app.lockstep.domain.template.ProjectTemplates;
import app.lockstep.domain.template.TemplateEnvironment;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.persistence.jooq.tables.records.ProjectTemplatesRecord;
import app.lockstep.persistence.shared.Json;
import app.lockstep.persistence.window.WindowRulesJson;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.PROJECT_TEMPLATES;
import static app.lockstep.persistence.jooq.Tables.PROJECT_TEMPLATE_LINKS;

/**
 * Project templates as one JSON definition each, and the link of a project to its
 * template.
 */
@Repository
class JooqProjectTemplates implements ProjectTemplates {

	private final DSLContext dsl;

	JooqProjectTemplates(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public List<ProjectTemplate> list(OrgId org) {
		return this.dsl.selectFrom(PROJECT_TEMPLATES)
			.where(PROJECT_TEMPLATES.ORG_ID.eq(org))
			.orderBy(PROJECT_TEMPLATES.NAME, PROJECT_TEMPLATES.SLUG)
			.fetch(JooqProjectTemplates::toTemplate);
	}

	@Override
	public Optional<ProjectTemplate> find(OrgId org, String slug) {
		return this.dsl.selectFrom(PROJECT_TEMPLATES)
			.where(PROJECT_TEMPLATES.ORG_ID.eq(org).and(PROJECT_TEMPLATES.SLUG.eq(slug)))
			.fetchOptional()
			.map(JooqProjectTemplates::toTemplate);
	}

	@Override
	public ProjectTemplate save(OrgId org, ProjectTemplate template) {
		UUID id = this.dsl.insertInto(PROJECT_TEMPLATES)
			.set(PROJECT_TEMPLATES.ORG_ID, org)
			.set(PROJECT_TEMPLATES.ID, template.id())
			.set(PROJECT_TEMPLATES.SLUG, template.slug())
			.set(PROJECT_TEMPLATES.NAME, template.name())
			.set(PROJECT_TEMPLATES.DEFINITION, Json.of(definition(template)))
			.set(PROJECT_TEMPLATES.UPDATED_AT, template.updatedAt())
			.set(PROJECT_TEMPLATES.UPDATED_BY_NAME, template.updatedBy())
			.onConflict(PROJECT_TEMPLATES.ORG_ID, PROJECT_TEMPLATES.SLUG)
			.doUpdate()
			.set(PROJECT_TEMPLATES.NAME, template.name())
			.set(PROJECT_TEMPLATES.DEFINITION, Json.of(definition(template)))
			.set(PROJECT_TEMPLATES.UPDATED_AT, template.updatedAt())
			.set(PROJECT_TEMPLATES.UPDATED_BY_NAME, template.updatedBy())
			.returning(PROJECT_TEMPLATES.ID)
			.fetchOne(PROJECT_TEMPLATES.ID);
		return new ProjectTemplate((id != null) ? id : template.id(), template.slug(), template.name(),
				template.environments(), template.sharedVariables(), template.specSkeleton(), template.updatedAt(),
				template.updatedBy());
	}

	@Override
	public boolean delete(OrgId org, String slug) {
		return this.dsl.deleteFrom(PROJECT_TEMPLATES)
			.where(PROJECT_TEMPLATES.ORG_ID.eq(org).and(PROJECT_TEMPLATES.SLUG.eq(slug)))
			.execute() > 0;
	}

	@Override
	public Optional<ProjectTemplate> templateOf(OrgId org, ProjectId project) {
		return this.dsl.select(PROJECT_TEMPLATES.fields())
			.from(PROJECT_TEMPLATE_LINKS)
			.join(PROJECT_TEMPLATES)
			.on(PROJECT_TEMPLATES.ORG_ID.eq(PROJECT_TEMPLATE_LINKS.ORG_ID)
				.and(PROJECT_TEMPLATES.ID.eq(PROJECT_TEMPLATE_LINKS.TEMPLATE_ID)))
			.where(PROJECT_TEMPLATE_LINKS.ORG_ID.eq(org).and(PROJECT_TEMPLATE_LINKS.PROJECT_ID.eq(project)))
			.fetchOptional((record) -> toTemplate(record.into(PROJECT_TEMPLATES)));
	}

	@Override
	public void link(OrgId org, ProjectId project, UUID template) {
		this.dsl.insertInto(PROJECT_TEMPLATE_LINKS)
			.set(PROJECT_TEMPLATE_LINKS.ORG_ID, org)
			.set(PROJECT_TEMPLATE_LINKS.PROJECT_ID, project)
			.set(PROJECT_TEMPLATE_LINKS.TEMPLATE_ID, template)
			.onConflict(PROJECT_TEMPLATE_LINKS.ORG_ID, PROJECT_TEMPLATE_LINKS.PROJECT_ID)
			.doUpdate()
			.set(PROJECT_TEMPLATE_LINKS.TEMPLATE_ID, template)
			.execute();
	}

	private static Map<String, Object> definition(ProjectTemplate template) {
		Map<String, Object> json = new LinkedHashMap<>();
		List<Map<String, Object>> environments = new ArrayList<>();
		for (TemplateEnvironment environment : template.environments()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("name", environment.name());
			e.put("tier", environment.tier().name());
			if (environment.branchPattern() != null) {
				e.put("branchPattern", environment.branchPattern());
			}
			ApprovalPolicy gate = environment.gate();
			if (gate != null) {
				Map<String, Object> g = new LinkedHashMap<>();
				g.put("requiredApprovals", gate.requiredApprovals());
				g.put("approverRoles", gate.approverRoles().stream().sorted().map(Role::name).toList());
				g.put("allowSelfApproval", gate.allowSelfApproval());
				g.put("approvalValidHours", gate.approvalValidHours());
				if (gate.requiresSuccessIn() != null) {
					g.put("requiresSuccessIn", gate.requiresSuccessIn());
				}
				e.put("gate", g);
			}
			WindowRules windows = environment.windows();
			if (windows != null) {
				Map<String, Object> w = new LinkedHashMap<>(WindowRulesJson.of(windows));
				w.put("timeZone", windows.timeZone().getId());
				e.put("windows", w);
			}
			e.put("targetType", environment.targetType().name());
			environments.add(e);
		}
		json.put("environments", environments);
		json.put("sharedVariables", template.sharedVariables());
		json.put("specSkeleton", template.specSkeleton());
		return json;
	}

	@SuppressWarnings("unchecked")
	private static ProjectTemplate toTemplate(ProjectTemplatesRecord record) {
		Map<String, Object> json = Json.map(record.getDefinition());
		List<TemplateEnvironment> environments = new ArrayList<>();
		for (Map<String, Object> e : (List<Map<String, Object>>) json.getOrDefault("environments", List.of())) {
			ApprovalPolicy gate = null;
			Object g = e.get("gate");
			if (g instanceof Map<?, ?> map) {
				Map<String, Object> gm = (Map<String, Object>) map;
				Set<Role> roles = EnumSet.noneOf(Role.class);
				((List<String>) gm.getOrDefault("approverRoles", List.of())).forEach((r) -> roles.add(Role.valueOf(r)));
				gate = new ApprovalPolicy(number(gm.get("requiredApprovals")), roles,
						Boolean.TRUE.equals(gm.get("allowSelfApproval")), number(gm.get("approvalValidHours")),
						text(gm.get("requiresSuccessIn")), null, null);
			}
			WindowRules windows = null;
			Object w = e.get("windows");
			if (w instanceof Map<?, ?> map) {
				Map<String, Object> wm = (Map<String, Object>) map;
				windows = WindowRulesJson.rules(ZoneId.of((String) wm.get("timeZone")), wm);
			}
			environments.add(new TemplateEnvironment(String.valueOf(e.get("name")),
					Tier.valueOf(String.valueOf(e.get("tier"))), text(e.get("branchPattern")), gate, windows,
					DeployTarget.Type.valueOf((String) e.getOrDefault("targetType", "MANUAL"))));
		}
		return new ProjectTemplate(record.getId(), record.getSlug(), record.getName(), environments,
				(List<String>) json.getOrDefault("sharedVariables", List.of()),
				String.valueOf(json.getOrDefault("specSkeleton", "")), record.getUpdatedAt(),
				record.getUpdatedByName());
	}

	private static int number(@Nullable Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof String text) ? text : null;
	}

}
