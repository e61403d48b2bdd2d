package app.lockstep.persistence.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.window.AllowedHours;
import app.lockstep.domain.window.Block;
import app.lockstep.domain.window.DeploymentWindows;
import app.lockstep.domain.window.Freeze;
import app.lockstep.domain.window.FreezeId;
import app.lockstep.domain.window.OrganizationFreeze;
import app.lockstep.domain.window.OrganizationWindows;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.window.SavedWindows;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.domain.window.WindowRulesInput;
import app.lockstep.persistence.jooq.tables.records.EnvironmentWindowsRecord;
import app.lockstep.persistence.jooq.tables.records.OrganizationFreezesRecord;
import app.lockstep.persistence.jooq.tables.records.OrganizationWindowsRecord;
import app.lockstep.persistence.shared.Json;
import app.lockstep.persistence.shared.Rows;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import app.lockstep.persistence.shared.UuidArrays;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.ENVIRONMENT_WINDOWS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATION_FREEZES;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATION_WINDOWS;

/**
 * Environments' window rules (time zone as a column, the rules as JSON in the API's
 * shape) and organization-wide freezes.
 */
@Repository
class JooqDeploymentWindows implements DeploymentWindows {

	private final DSLContext dsl;

	JooqDeploymentWindows(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<SavedWindows> find(OrgId org, EnvironmentId environment) {
		return this.dsl.selectFrom(ENVIRONMENT_WINDOWS)
			.where(ENVIRONMENT_WINDOWS.ORG_ID.eq(org).and(ENVIRONMENT_WINDOWS.ENVIRONMENT_ID.eq(environment)))
			.fetchOptional()
			.map(JooqDeploymentWindows::toSaved);
	}

	@Override
	public Map<EnvironmentId, SavedWindows> findAll(OrgId org, Collection<EnvironmentId> environments) {
		Map<EnvironmentId, SavedWindows> all = new LinkedHashMap<>();
		if (environments.isEmpty()) {
			return all;
		}
		this.dsl.selectFrom(ENVIRONMENT_WINDOWS)
			.where(ENVIRONMENT_WINDOWS.ORG_ID.eq(org)
				.and(UuidArrays.anyOf(ENVIRONMENT_WINDOWS.ENVIRONMENT_ID, environments, EnvironmentId::value)))
			.forEach((record) -> all.put(record.getEnvironmentId(), toSaved(record)));
		return all;
	}

	@Override
	public void save(OrgId org, EnvironmentId environment, WindowRules rules, UserId by, String byName, Instant at) {
		EnvironmentWindowsRecord record = new EnvironmentWindowsRecord();
		record.setOrgId(org);
		record.setEnvironmentId(environment);
		record.setTimeZone(rules.timeZone().getId());
		record.setRules(Json.of(toJson(rules)));
		record.setUpdatedAt(at);
		record.setUpdatedBy(by);
		record.setUpdatedByName(byName);
		this.dsl.insertInto(ENVIRONMENT_WINDOWS)
			.set(record)
			.onConflict(WINDOWS_KEY)
			.doUpdate()
			.set(Rows.changedExcept(record, WINDOWS_KEY))
			.execute();
	}

	/** The key of an environment's rules: one row per environment. */
	private static final List<Field<?>> WINDOWS_KEY = List.of(ENVIRONMENT_WINDOWS.ORG_ID,
			ENVIRONMENT_WINDOWS.ENVIRONMENT_ID);

	@Override
	public Optional<OrganizationWindows> organizationWindows(OrgId org) {
		return this.dsl.selectFrom(ORGANIZATION_WINDOWS)
			.where(ORGANIZATION_WINDOWS.ORG_ID.eq(org))
			.fetchOptional()
			.map((record) -> {
				java.util.Set<ProjectId> projects = new java.util.LinkedHashSet<>();
				java.util.Arrays.stream(record.getProjectIds()).map(ProjectId::new).forEach(projects::add);
				return new OrganizationWindows(fromJson(ZoneId.of(record.getTimeZone()), Json.map(record.getRules())),
						record.getAllProjects(), projects, record.getOverridable(), record.getUpdatedAt(),
						record.getUpdatedByName());
			});
	}

	@Override
	public void saveOrganizationWindows(OrgId org, OrganizationWindows windows, UserId by) {
		OrganizationWindowsRecord record = new OrganizationWindowsRecord();
		record.setOrgId(org);
		record.setTimeZone(windows.rules().timeZone().getId());
		record.setRules(Json.of(toJson(windows.rules())));
		record.setAllProjects(windows.allProjects());
		record.setProjectIds(windows.projects().stream().map(ProjectId::value).toArray(java.util.UUID[]::new));
		record.setOverridable(windows.overridable());
		record.setUpdatedAt(windows.updatedAt());
		record.setUpdatedBy(by);
		record.setUpdatedByName(windows.updatedBy());
		this.dsl.insertInto(ORGANIZATION_WINDOWS)
			.set(record)
			.onConflict(ORGANIZATION_WINDOWS.ORG_ID)
			.doUpdate()
			.set(Rows.changedExcept(record, List.of(ORGANIZATION_WINDOWS.ORG_ID)))
			.execute();
	}

	@Override
	public void removeOrganizationWindows(OrgId org) {
		this.dsl.deleteFrom(ORGANIZATION_WINDOWS).where(ORGANIZATION_WINDOWS.ORG_ID.eq(org)).execute();
	}

	@Override
	public List<OrganizationFreeze> organizationFreezes(OrgId org) {
		return this.dsl.selectFrom(ORGANIZATION_FREEZES)
			.where(ORGANIZATION_FREEZES.ORG_ID.eq(org))
			.orderBy(ORGANIZATION_FREEZES.START_AT, ORGANIZATION_FREEZES.ID)
			.fetch(JooqDeploymentWindows::toFreeze);
	}

	@Override
	public Optional<OrganizationFreeze> findOrganizationFreeze(OrgId org, FreezeId id) {
		return this.dsl.selectFrom(ORGANIZATION_FREEZES)
			.where(ORGANIZATION_FREEZES.ORG_ID.eq(org).and(ORGANIZATION_FREEZES.ID.eq(id)))
			.fetchOptional()
			.map(JooqDeploymentWindows::toFreeze);
	}

	@Override
	public void addOrganizationFreeze(OrgId org, OrganizationFreeze freeze, UserId by) {
		this.dsl.insertInto(ORGANIZATION_FREEZES)
			.set(ORGANIZATION_FREEZES.ORG_ID, org)
			.set(ORGANIZATION_FREEZES.ID, freeze.id())
			.set(ORGANIZATION_FREEZES.START_AT, freeze.freeze().start())
			.set(ORGANIZATION_FREEZES.END_AT, freeze.freeze().end())
			.set(ORGANIZATION_FREEZES.REASON, freeze.freeze().reason())
			.set(ORGANIZATION_FREEZES.CREATED_BY, by)
			.set(ORGANIZATION_FREEZES.CREATED_BY_NAME, freeze.createdBy())
			.set(ORGANIZATION_FREEZES.CREATED_AT, freeze.createdAt())
			.execute();
	}

	@Override
	public Optional<OrganizationFreeze> removeOrganizationFreeze(OrgId org, FreezeId id) {
		return this.dsl.deleteFrom(ORGANIZATION_FREEZES)
			.where(ORGANIZATION_FREEZES.ORG_ID.eq(org).and(ORGANIZATION_FREEZES.ID.eq(id)))
			.returning()
			.fetchOptional()
			.map(JooqDeploymentWindows::toFreeze);
	}

	private static OrganizationFreeze toFreeze(OrganizationFreezesRecord record) {
		return new OrganizationFreeze(record.getId(),
				new Freeze(record.getStartAt(), record.getEndAt(), record.getReason()), record.getCreatedByName(),
				record.getCreatedAt());
	}

	private static SavedWindows toSaved(EnvironmentWindowsRecord record) {
		return new SavedWindows(fromJson(ZoneId.of(record.getTimeZone()), Json.map(record.getRules())),
				record.getUpdatedAt(), record.getUpdatedByName());
	}

	/** The rules in the API's shape, without the time zone (a column of its own). */
	static Map<String, Object> toJson(WindowRules rules) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("blocks", rules.blocks().stream().map((block) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("label", block.label());
			row.put("days", WindowRulesInput.dayNames(block.days()));
			row.put("from", WindowRulesInput.format(block.from()));
			row.put("to", WindowRulesInput.formatEnd(block.to()));
			return row;
		}).toList());
		json.put("allowedHours", rules.allowedHours().stream().map((hours) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("days", WindowRulesInput.dayNames(hours.days()));
			row.put("from", WindowRulesInput.format(hours.from()));
			row.put("to", WindowRulesInput.formatEnd(hours.to()));
			return row;
		}).toList());
		json.put("freezes", rules.freezes().stream().map((freeze) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("start", freeze.start().toString());
			row.put("end", freeze.end().toString());
			row.put("reason", freeze.reason());
			return row;
		}).toList());
		return json;
	}

	/** Reads what {@link #toJson} wrote (trusted: it was validated when saved). */
	@SuppressWarnings("unchecked")
	static WindowRules fromJson(ZoneId zone, Map<String, Object> json) {
		List<Map<String, Object>> blocks = (List<Map<String, Object>>) json.getOrDefault("blocks", List.of());
		List<Map<String, Object>> hours = (List<Map<String, Object>>) json.getOrDefault("allowedHours", List.of());
		List<Map<String, Object>> freezes = (List<Map<String, Object>>) json.getOrDefault("freezes", List.of());
		return new WindowRules(zone,
				blocks.stream()
					.map((row) -> new Block((String) required(row, "label"), days(required(row, "days")),
							time(required(row, "from")), time(required(row, "to"))))
					.toList(),
				hours.stream()
					.map((row) -> new AllowedHours(days(required(row, "days")), time(required(row, "from")),
							time(required(row, "to"))))
					.toList(),
				freezes.stream()
					.map((row) -> new Freeze(Instant.parse((String) required(row, "start")),
							Instant.parse((String) required(row, "end")), (String) required(row, "reason")))
					.toList());
	}

	private static Object required(Map<String, Object> row, String key) {
		Object value = row.get(key);
		if (value == null) {
			throw new IllegalStateException("Saved window rules lack \"" + key + "\"");
		}
		return value;
	}

	private static java.util.Set<DayOfWeek> days(Object names) {
		java.util.Set<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
		for (Object name : (List<?>) names) {
			days.add(DayOfWeek.valueOf((String) name));
		}
		return days;
	}

	private static LocalTime time(Object text) {
		return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse((String) text);
	}

}
