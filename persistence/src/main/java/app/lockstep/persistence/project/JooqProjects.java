package app.lockstep.persistence.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.ProjectsRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import app.lockstep.persistence.shared.UuidArrays;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;
import static app.lockstep.persistence.jooq.Tables.PROJECTS;

@Repository
class JooqProjects implements Projects {

	private final DSLContext dsl;

	JooqProjects(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void create(OrgId org, Project project) {
		try {
			this.dsl.insertInto(PROJECTS).set(toRecord(org, project, project.createdAt())).execute();
		}
		catch (RuntimeException ex) {
			throw translate(ex, project.slug());
		}
	}

	@Override
	public Optional<Project> findBySlug(OrgId org, String slug) {
		return this.dsl.selectFrom(PROJECTS)
			.where(PROJECTS.ORG_ID.eq(org).and(PROJECTS.SLUG.eq(slug)))
			.fetchOptional()
			.map(JooqProjects::toProject);
	}

	@Override
	public Optional<Project> findById(OrgId org, ProjectId id) {
		return this.dsl.selectFrom(PROJECTS)
			.where(PROJECTS.ORG_ID.eq(org).and(PROJECTS.ID.eq(id)))
			.fetchOptional()
			.map(JooqProjects::toProject);
	}

	@Override
	public Map<ProjectId, Project> findAll(OrgId org, java.util.Collection<ProjectId> ids) {
		Map<ProjectId, Project> all = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return all;
		}
		this.dsl.selectFrom(PROJECTS)
			.where(PROJECTS.ORG_ID.eq(org).and(UuidArrays.anyOf(PROJECTS.ID, ids, ProjectId::value)))
			.forEach((record) -> all.put(record.getId(), toProject(record)));
		return all;
	}

	@Override
	public List<ProjectWithEnvironments> listWithEnvironments(OrgId org) {
		// Two plain reads grouped here: a multiset of environments per project costs more
		// to
		// render and parse than the rows themselves (a tenth of the release board's
		// time).
		Map<ProjectId, List<Environment>> environments = new HashMap<>();
		// deactivated branch environments keep their history but leave the lists
		this.dsl.selectFrom(ENVIRONMENTS)
			.where(ENVIRONMENTS.ORG_ID.eq(org).and(JooqEnvironments.current()))
			.orderBy(ENVIRONMENTS.PROJECT_ID, ENVIRONMENTS.POSITION)
			.forEach((record) -> environments.computeIfAbsent(record.getProjectId(), (id) -> new ArrayList<>())
				.add(JooqEnvironments.toEnvironment(record)));
		return this.dsl.selectFrom(PROJECTS)
			.where(PROJECTS.ORG_ID.eq(org))
			.orderBy(PROJECTS.NAME, PROJECTS.SLUG)
			.fetch((record) -> new ProjectWithEnvironments(toProject(record),
					List.copyOf(environments.getOrDefault(record.getId(), List.of()))));
	}

	@Override
	public void update(OrgId org, Project project, Instant at) {
		try {
			ProjectsRecord record = toRecord(org, project, at);
			IDENTITY.forEach((field) -> record.changed(field, false));
			this.dsl.update(PROJECTS)
				.set(record)
				.where(PROJECTS.ORG_ID.eq(org).and(PROJECTS.ID.eq(project.id())))
				.execute();
		}
		catch (RuntimeException ex) {
			throw translate(ex, project.slug());
		}
	}

	/**
	 * The columns an update leaves alone: which project it is and when it was created.
	 */
	private static final List<Field<?>> IDENTITY = List.of(PROJECTS.ORG_ID, PROJECTS.ID, PROJECTS.CREATED_AT);

	/**
	 * The project as its row, last changed at {@code updatedAt}: one mapping for insert
	 * and update.
	 */
	private static ProjectsRecord toRecord(OrgId org, Project project, Instant updatedAt) {
		ProjectsRecord record = new ProjectsRecord();
		record.setOrgId(org);
		record.setId(project.id());
		record.setSlug(project.slug());
		record.setName(project.name());
		record.setRepositoryUrl(project.repositoryUrl());
		record.setDescription(project.description());
		record.setCreatedAt(project.createdAt());
		record.setUpdatedAt(updatedAt);
		return record;
	}

	@Override
	public boolean delete(OrgId org, ProjectId id) {
		return this.dsl.deleteFrom(PROJECTS).where(PROJECTS.ORG_ID.eq(org).and(PROJECTS.ID.eq(id))).execute() == 1;
	}

	private static RuntimeException translate(RuntimeException ex, String slug) {
		if (UniqueViolations.constraintOf(ex).isPresent()) {
			return new ConflictException("slug", "A project with the slug \"" + slug + "\" already exists.");
		}
		return ex;
	}

	static Project toProject(ProjectsRecord record) {
		return new Project(record.getId(), record.getSlug(), record.getName(), record.getRepositoryUrl(),
				record.getDescription(), record.getCreatedAt());
	}

}
