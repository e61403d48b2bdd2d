package app.lockstep.persistence.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.StoredVariable;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.ConfigRevisionsRecord;
import app.lockstep.persistence.jooq.tables.records.ConfigVariablesRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import app.lockstep.persistence.shared.UuidArrays;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.CONFIG_REVISIONS;
import static app.lockstep.persistence.jooq.Tables.CONFIG_VARIABLES;
import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.row;

@Repository
class JooqConfigRevisions implements ConfigRevisions {

	/**
	 * Revisions kept in memory; at most a few kilobytes each (30 variables and a
	 * {@code .upsun} file), so a few megabytes.
	 */
	static final int REVISIONS_KEPT = 2_000;

	private final DSLContext dsl;

	private final ReadRevisions read = new ReadRevisions(REVISIONS_KEPT);

	JooqConfigRevisions(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** How many revisions this instance keeps in memory (for tests). */
	int revisionsKept() {
		return this.read.size();
	}

	@Override
	public void lock(OrgId org, ConfigScope scope) {
		if (scope.environment() != null) {
			this.dsl.select(ENVIRONMENTS.ID)
				.from(ENVIRONMENTS)
				.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.ID.eq(scope.environment())))
				.forNoKeyUpdate()
				.fetch();
		}
		else {
			this.dsl.select(PROJECTS.ID)
				.from(PROJECTS)
				.where(PROJECTS.ORG_ID.eq(org).and(PROJECTS.ID.eq(scope.project())))
				.forNoKeyUpdate()
				.fetch();
		}
	}

	@Override
	public Optional<ConfigRevision> latest(OrgId org, ConfigScope scope) {
		return revisions(org, inScope(org, scope), null, 1).stream().findFirst();
	}

	@Override
	public int latestNumber(OrgId org, ConfigScope scope) {
		Integer number = this.dsl.select(CONFIG_REVISIONS.NUMBER)
			.from(CONFIG_REVISIONS)
			.where(inScope(org, scope))
			.orderBy(CONFIG_REVISIONS.NUMBER.desc())
			.limit(1)
			.fetchOne(CONFIG_REVISIONS.NUMBER);
		return (number != null) ? number : 0;
	}

	@Override
	public Optional<ConfigRevision> find(OrgId org, ConfigScope scope, int number) {
		return revisions(org, inScope(org, scope).and(CONFIG_REVISIONS.NUMBER.eq(number)), null, 1).stream()
			.findFirst();
	}

	@Override
	public List<ConfigRevision> history(OrgId org, ConfigScope scope, @Nullable Integer beforeNumber, int limit) {
		return revisions(org, inScope(org, scope), beforeNumber, limit);
	}

	@Override
	public Map<EnvironmentId, ConfigRevision> latestPerEnvironment(OrgId org, ProjectId project) {
		var latest = this.dsl.select(CONFIG_REVISIONS.ENVIRONMENT_ID, max(CONFIG_REVISIONS.NUMBER).as("number"))
			.from(CONFIG_REVISIONS)
			.where(CONFIG_REVISIONS.ORG_ID.eq(org)
				.and(CONFIG_REVISIONS.PROJECT_ID.eq(project))
				.and(CONFIG_REVISIONS.ENVIRONMENT_ID.isNotNull()))
			.groupBy(CONFIG_REVISIONS.ENVIRONMENT_ID)
			.asTable("latest");
		Condition condition = CONFIG_REVISIONS.ORG_ID.eq(org)
			.and(row(CONFIG_REVISIONS.ENVIRONMENT_ID, CONFIG_REVISIONS.NUMBER).in(this.dsl
				.select(latest.field(CONFIG_REVISIONS.ENVIRONMENT_ID), latest.field("number", Integer.class))
				.from(latest)));
		Map<EnvironmentId, ConfigRevision> result = new LinkedHashMap<>();
		for (ConfigRevision revision : revisions(org, condition, null, 10_000)) {
			result.put(revision.scope().environment(), revision);
		}
		return result;
	}

	/**
	 * One walk back of each scope's unique (number) index from its newest entry: a
	 * lateral "limit 1" per environment and per project, so the cost follows the number
	 * of scopes, not the length of their histories.
	 */
	@Override
	public Map<ConfigScope, ConfigRevision> latestPerScope(OrgId org, Collection<ProjectId> projects) {
		if (projects.isEmpty()) {
			return Map.of();
		}
		var scope = CONFIG_REVISIONS.as("scope");
		var ofEnvironment = this.dsl.select(scope.ID)
			.from(scope)
			.where(scope.ORG_ID.eq(ENVIRONMENTS.ORG_ID).and(scope.ENVIRONMENT_ID.eq(ENVIRONMENTS.ID)))
			.orderBy(scope.NUMBER.desc())
			.limit(1)
			.asTable("of_environment");
		List<UUID> ids = new ArrayList<>(this.dsl.select(ofEnvironment.field(scope.ID))
			.from(ENVIRONMENTS)
			.crossJoin(DSL.lateral(ofEnvironment))
			.where(ENVIRONMENTS.ORG_ID.eq(org)
				.and(UuidArrays.anyOf(ENVIRONMENTS.PROJECT_ID, projects, ProjectId::value)))
			.fetch(ofEnvironment.field(scope.ID)));
		var ofProject = this.dsl.select(scope.ID)
			.from(scope)
			.where(scope.ORG_ID.eq(PROJECTS.ORG_ID)
				.and(scope.PROJECT_ID.eq(PROJECTS.ID))
				.and(scope.ENVIRONMENT_ID.isNull()))
			.orderBy(scope.NUMBER.desc())
			.limit(1)
			.asTable("of_project");
		ids.addAll(this.dsl.select(ofProject.field(scope.ID))
			.from(PROJECTS)
			.crossJoin(DSL.lateral(ofProject))
			.where(PROJECTS.ORG_ID.eq(org).and(UuidArrays.anyOf(PROJECTS.ID, projects, ProjectId::value)))
			.fetch(ofProject.field(scope.ID)));
		Map<ConfigScope, ConfigRevision> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		for (ConfigRevision revision : revisions(org,
				CONFIG_REVISIONS.ORG_ID.eq(org).and(CONFIG_REVISIONS.ID.eq(DSL.any(ids.toArray(UUID[]::new)))), null,
				ids.size())) {
			result.put(revision.scope(), revision);
		}
		return result;
	}

	/**
	 * Environment scopes by (environment, number) in one statement: the pairs as arrays
	 * unnested into rows; shared-variable scopes one by one (a report asks for none).
	 */
	@Override
	public List<ConfigRevision> findAll(OrgId org, Collection<Numbered> wanted) {
		List<ConfigRevision> found = new ArrayList<>();
		List<Numbered> ofEnvironments = new ArrayList<>();
		for (Numbered numbered : wanted) {
			if (numbered.scope().environment() != null) {
				ofEnvironments.add(numbered);
			}
			else {
				find(org, numbered.scope(), numbered.number()).ifPresent(found::add);
			}
		}
		if (ofEnvironments.isEmpty()) {
			return found;
		}
		UUID[] environments = ofEnvironments.stream()
			.map((n) -> java.util.Objects.requireNonNull(n.scope().environment()).value())
			.toArray(UUID[]::new);
		Integer[] numbers = ofEnvironments.stream().map(Numbered::number).toArray(Integer[]::new);
		var pairs = DSL
			.table("unnest({0}, {1})", DSL.val(environments, SQLDataType.UUID.array()),
					DSL.val(numbers, SQLDataType.INTEGER.array()))
			.as("wanted", "environment_id", "number");
		var condition = CONFIG_REVISIONS.ORG_ID.eq(org)
			.and(row(CONFIG_REVISIONS.ENVIRONMENT_ID, CONFIG_REVISIONS.NUMBER).in(DSL
				.select(DSL.field(DSL.name("wanted", "environment_id"), CONFIG_REVISIONS.ENVIRONMENT_ID.getDataType()),
						DSL.field(DSL.name("wanted", "number"), SQLDataType.INTEGER))
				.from(pairs)));
		found.addAll(revisions(org, condition, null, ofEnvironments.size()));
		return found;
	}

	@Override
	public void insert(OrgId org, ConfigRevision revision) {
		try {
			this.dsl.insertInto(CONFIG_REVISIONS)
				.set(CONFIG_REVISIONS.ORG_ID, org)
				.set(CONFIG_REVISIONS.ID, revision.id())
				.set(CONFIG_REVISIONS.PROJECT_ID, revision.scope().project())
				.set(CONFIG_REVISIONS.ENVIRONMENT_ID, revision.scope().environment())
				.set(CONFIG_REVISIONS.NUMBER, revision.number())
				.set(CONFIG_REVISIONS.INFRASTRUCTURE, revision.infrastructure())
				.set(CONFIG_REVISIONS.MESSAGE, revision.message())
				.set(CONFIG_REVISIONS.AUTHOR_TYPE, revision.author().type().name())
				.set(CONFIG_REVISIONS.AUTHOR_ID, revision.author().id())
				.set(CONFIG_REVISIONS.AUTHOR_NAME, revision.author().name())
				.set(CONFIG_REVISIONS.CREATED_AT, revision.at())
				.set(CONFIG_REVISIONS.RESTORED_FROM, revision.restoredFrom())
				.set(CONFIG_REVISIONS.SUMMARY, revision.summary())
				.execute();
		}
		catch (RuntimeException ex) {
			if (UniqueViolations.constraintOf(ex).isPresent()) {
				throw new RevisionTakenException();
			}
			throw ex;
		}
		if (revision.variables().isEmpty()) {
			return;
		}
		var insert = this.dsl.insertInto(CONFIG_VARIABLES, CONFIG_VARIABLES.ORG_ID, CONFIG_VARIABLES.REVISION_ID,
				CONFIG_VARIABLES.POSITION, CONFIG_VARIABLES.NAME, CONFIG_VARIABLES.VALUE, CONFIG_VARIABLES.SEALED,
				CONFIG_VARIABLES.KEY_ID, CONFIG_VARIABLES.FINGERPRINT, CONFIG_VARIABLES.SENSITIVE,
				CONFIG_VARIABLES.VISIBILITY);
		int position = 0;
		for (StoredVariable variable : revision.variables()) {
			SealedSecret sealed = variable.sealed();
			insert = insert.values(org, revision.id(), position++, variable.name(),
					variable.sensitive() ? null : variable.value(), (sealed != null) ? sealed.sealed() : null,
					(sealed != null) ? sealed.keyId() : null, variable.fingerprint(), variable.sensitive(),
					variable.visibility().name());
		}
		insert.execute();
	}

	private static Condition inScope(OrgId org, ConfigScope scope) {
		Condition condition = CONFIG_REVISIONS.ORG_ID.eq(org).and(CONFIG_REVISIONS.PROJECT_ID.eq(scope.project()));
		return (scope.environment() != null) ? condition.and(CONFIG_REVISIONS.ENVIRONMENT_ID.eq(scope.environment()))
				: condition.and(CONFIG_REVISIONS.ENVIRONMENT_ID.isNull());
	}

	/**
	 * The ids of the revisions wanted, then, for those this instance has not read before,
	 * the revisions and their variables in one plain query each (cheaper than nesting
	 * them as JSON).
	 */
	private List<ConfigRevision> revisions(OrgId org, Condition condition, @Nullable Integer beforeNumber, int limit) {
		Condition where = (beforeNumber != null) ? condition.and(CONFIG_REVISIONS.NUMBER.lt(beforeNumber)) : condition;
		List<UUID> ids = this.dsl.select(CONFIG_REVISIONS.ID)
			.from(CONFIG_REVISIONS)
			.where(where)
			.orderBy(CONFIG_REVISIONS.NUMBER.desc())
			.limit(limit)
			.fetch(CONFIG_REVISIONS.ID);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, ConfigRevision> found = new HashMap<>();
		List<UUID> unread = new ArrayList<>();
		for (UUID id : ids) {
			ConfigRevision kept = this.read.get(org, id);
			if (kept != null) {
				found.put(id, kept);
			}
			else {
				unread.add(id);
			}
		}
		if (!unread.isEmpty()) {
			for (ConfigRevision revision : load(org, unread)) {
				this.read.keep(org, revision);
				found.put(revision.id(), revision);
			}
		}
		List<ConfigRevision> answer = new ArrayList<>(ids.size());
		for (UUID id : ids) {
			ConfigRevision revision = found.get(id);
			if (revision != null) {
				answer.add(revision);
			}
		}
		return answer;
	}

	private List<ConfigRevision> load(OrgId org, List<UUID> ids) {
		List<ConfigRevisionsRecord> rows = this.dsl.selectFrom(CONFIG_REVISIONS)
			.where(CONFIG_REVISIONS.ORG_ID.eq(org).and(CONFIG_REVISIONS.ID.eq(DSL.any(ids.toArray(UUID[]::new)))))
			.fetch();
		Map<UUID, List<StoredVariable>> variables = new HashMap<>();
		this.dsl.selectFrom(CONFIG_VARIABLES)
			.where(CONFIG_VARIABLES.ORG_ID.eq(org)
				.and(CONFIG_VARIABLES.REVISION_ID.eq(DSL.any(ids.toArray(UUID[]::new)))))
			.orderBy(CONFIG_VARIABLES.REVISION_ID, CONFIG_VARIABLES.POSITION)
			.fetch()
			.forEach((variable) -> variables.computeIfAbsent(variable.getRevisionId(), (id) -> new ArrayList<>())
				.add(toVariable(variable)));
		return rows.stream().map((row) -> toRevision(row, variables.getOrDefault(row.getId(), List.of()))).toList();
	}

	private static ConfigRevision toRevision(ConfigRevisionsRecord record, List<StoredVariable> variables) {
		return new ConfigRevision(record.getId(), new ConfigScope(record.getProjectId(), record.getEnvironmentId()),
				record.getNumber(), record.getInfrastructure(), variables, record.getMessage(),
				new Actor(Actor.Type.valueOf(record.getAuthorType()), record.getAuthorId(), record.getAuthorName(),
						null),
				record.getCreatedAt(), record.getRestoredFrom(), record.getSummary());
	}

	private static StoredVariable toVariable(ConfigVariablesRecord record) {
		SealedSecret sealed = (record.getSealed() != null) ? new SealedSecret(record.getKeyId(), record.getSealed())
				: null;
		return new StoredVariable(record.getName(), record.getValue(), sealed, record.getFingerprint(),
				record.getSensitive(), Visibility.valueOf(record.getVisibility()));
	}

}
