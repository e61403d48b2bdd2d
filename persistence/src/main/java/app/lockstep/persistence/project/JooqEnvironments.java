package app.lockstep.persistence.project;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.EnvironmentsRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import org.jooq.DSLContext;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import app.lockstep.persistence.shared.UuidArrays;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.BRANCH_ENVIRONMENTS;
import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;

@Repository
class JooqEnvironments implements Environments {

	private final DSLContext dsl;

	JooqEnvironments(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void create(OrgId org, Environment environment, Instant at) {
		try {
			this.dsl.insertInto(ENVIRONMENTS).set(toRecord(org, environment, at)).execute();
		}
		catch (RuntimeException ex) {
			throw translate(ex, environment.name());
		}
	}

	/**
	 * The columns an update leaves alone: which environment of which project, created
	 * when.
	 */
	private static final List<Field<?>> IDENTITY = List.of(ENVIRONMENTS.ORG_ID, ENVIRONMENTS.ID,
			ENVIRONMENTS.PROJECT_ID, ENVIRONMENTS.CREATED_AT);

	/**
	 * The environment as its row, written at {@code at} (created then, on insert): one
	 * mapping for insert and update.
	 */
	private static EnvironmentsRecord toRecord(OrgId org, Environment environment, Instant at) {
		EnvironmentsRecord record = new EnvironmentsRecord();
		record.setOrgId(org);
		record.setId(environment.id());
		record.setProjectId(environment.projectId());
		record.setName(environment.name());
		record.setTier(environment.tier().name());
		record.setPosition(environment.position());
		record.setBranchPattern(environment.branchPattern());
		record.setTimeZone(environment.timeZone().getId());
		record.setCreatedAt(at);
		record.setUpdatedAt(at);
		return record;
	}

	@Override
	public List<Environment> listForUpdate(OrgId org, ProjectId project) {
		return this.dsl.selectFrom(ENVIRONMENTS)
			.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.PROJECT_ID.eq(project)))
			.orderBy(ENVIRONMENTS.POSITION)
			.forUpdate()
			.fetch(JooqEnvironments::toEnvironment);
	}

	@Override
	public List<Environment> list(OrgId org, ProjectId project) {
		return this.dsl.selectFrom(ENVIRONMENTS)
			.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.PROJECT_ID.eq(project)).and(current()))
			.orderBy(ENVIRONMENTS.POSITION)
			.fetch(JooqEnvironments::toEnvironment);
	}

	/**
	 * Not a deactivated branch environment: those keep their page and history but leave
	 * the lists.
	 */
	static Condition current() {
		return DSL.notExists(DSL.selectOne()
			.from(BRANCH_ENVIRONMENTS)
			.where(BRANCH_ENVIRONMENTS.ORG_ID.eq(ENVIRONMENTS.ORG_ID)
				.and(BRANCH_ENVIRONMENTS.ENVIRONMENT_ID.eq(ENVIRONMENTS.ID))
				.and(BRANCH_ENVIRONMENTS.DEACTIVATED_AT.isNotNull())));
	}

	@Override
	public Optional<Environment> findById(OrgId org, EnvironmentId id) {
		return this.dsl.selectFrom(ENVIRONMENTS)
			.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.ID.eq(id)))
			.fetchOptional()
			.map(JooqEnvironments::toEnvironment);
	}

	@Override
	public Map<EnvironmentId, Environment> findAll(OrgId org, Collection<EnvironmentId> ids) {
		Map<EnvironmentId, Environment> all = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return all;
		}
		this.dsl.selectFrom(ENVIRONMENTS)
			.where(ENVIRONMENTS.ORG_ID.eq(org).and(UuidArrays.anyOf(ENVIRONMENTS.ID, ids, EnvironmentId::value)))
			.forEach((record) -> {
				Environment environment = toEnvironment(record);
				all.put(environment.id(), environment);
			});
		return all;
	}

	@Override
	public Optional<Environment> findByName(OrgId org, ProjectId project, String name) {
		return this.dsl.selectFrom(ENVIRONMENTS)
			.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.PROJECT_ID.eq(project)).and(ENVIRONMENTS.NAME.eq(name)))
			.fetchOptional()
			.map(JooqEnvironments::toEnvironment);
	}

	@Override
	public void update(OrgId org, Environment environment, Instant at) {
		try {
			EnvironmentsRecord record = toRecord(org, environment, at);
			IDENTITY.forEach((field) -> record.changed(field, false));
			this.dsl.update(ENVIRONMENTS)
				.set(record)
				.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.ID.eq(environment.id())))
				.execute();
		}
		catch (RuntimeException ex) {
			throw translate(ex, environment.name());
		}
	}

	@Override
	public void delete(OrgId org, EnvironmentId id) {
		this.dsl.deleteFrom(ENVIRONMENTS).where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.ID.eq(id))).execute();
	}

	private static RuntimeException translate(RuntimeException ex, String name) {
		if (UniqueViolations.constraintOf(ex).filter((c) -> c.equals("environments_name_key")).isPresent()) {
			return new ConflictException("name", "This project already has an environment named \"" + name + "\".");
		}
		return ex;
	}

	static Environment toEnvironment(EnvironmentsRecord record) {
		return new Environment(record.getId(), record.getProjectId(), record.getName(), Tier.valueOf(record.getTier()),
				record.getPosition(), record.getBranchPattern(), ZoneId.of(record.getTimeZone()));
	}

}
