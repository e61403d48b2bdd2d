package app.lockstep.persistence.code;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.jooq.tables.records.ArtifactsRecord;
import app.lockstep.persistence.shared.UuidArrays;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.ARTIFACTS;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

@Repository
class JooqArtifacts implements Artifacts {

	private final DSLContext dsl;

	JooqArtifacts(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public boolean addIfAbsent(OrgId org, Artifact artifact) {
		return this.dsl.insertInto(ARTIFACTS)
			.set(ARTIFACTS.ORG_ID, org)
			.set(ARTIFACTS.ID, artifact.id())
			.set(ARTIFACTS.PROJECT_ID, artifact.project())
			.set(ARTIFACTS.VERSION, artifact.version())
			.set(ARTIFACTS.COMMIT_SHA, artifact.commitSha())
			.set(ARTIFACTS.DIGEST, artifact.digest())
			.set(ARTIFACTS.CREATED_AT, artifact.createdAt())
			.set(ARTIFACTS.CREATED_BY_TYPE, artifact.createdBy().type().name())
			.set(ARTIFACTS.CREATED_BY_ID, artifact.createdBy().id())
			.set(ARTIFACTS.CREATED_BY_NAME, artifact.createdBy().name())
			.onConflict(ARTIFACTS.ORG_ID, ARTIFACTS.PROJECT_ID, ARTIFACTS.VERSION)
			.doNothing()
			.execute() > 0;
	}

	@Override
	public Optional<Artifact> artifact(OrgId org, ProjectId project, String version) {
		return this.dsl.selectFrom(ARTIFACTS)
			.where(ofProject(org, project).and(ARTIFACTS.VERSION.eq(version)))
			.fetchOptional()
			.map(JooqArtifacts::toArtifact);
	}

	@Override
	public List<Artifact> builtFrom(OrgId org, ProjectId project, String commitSha) {
		return this.dsl.selectFrom(ARTIFACTS)
			.where(ofProject(org, project).and(ARTIFACTS.COMMIT_SHA.eq(commitSha)))
			.orderBy(ARTIFACTS.SEQ)
			.fetch(JooqArtifacts::toArtifact);
	}

	@Override
	public Optional<Artifact> byId(OrgId org, ArtifactId id) {
		return this.dsl.selectFrom(ARTIFACTS)
			.where(ARTIFACTS.ORG_ID.eq(org).and(ARTIFACTS.ID.eq(id)))
			.fetchOptional()
			.map(JooqArtifacts::toArtifact);
	}

	@Override
	public java.util.Map<ArtifactId, Artifact> byIds(OrgId org, java.util.Collection<ArtifactId> ids) {
		java.util.Map<ArtifactId, Artifact> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.dsl.selectFrom(ARTIFACTS)
			.where(ARTIFACTS.ORG_ID.eq(org).and(UuidArrays.anyOf(ARTIFACTS.ID, ids, ArtifactId::value)))
			.forEach((record) -> found.put(record.getId(), toArtifact(record)));
		return found;
	}

	@Override
	public List<Artifact> page(OrgId org, ProjectId project, @Nullable String beforeVersion, int limit) {
		Condition condition = ofProject(org, project);
		if (beforeVersion != null) {
			condition = condition.and(row(ARTIFACTS.CREATED_AT, ARTIFACTS.ID)
				.lt(select(ARTIFACTS.CREATED_AT, ARTIFACTS.ID).from(ARTIFACTS)
					.where(ofProject(org, project).and(ARTIFACTS.VERSION.eq(beforeVersion)))));
		}
		return this.dsl.selectFrom(ARTIFACTS)
			.where(condition)
			.orderBy(ARTIFACTS.CREATED_AT.desc(), ARTIFACTS.ID.desc())
			.limit(limit)
			.fetch(JooqArtifacts::toArtifact);
	}

	private static Condition ofProject(OrgId org, ProjectId project) {
		return ARTIFACTS.ORG_ID.eq(org).and(ARTIFACTS.PROJECT_ID.eq(project));
	}

	private static Artifact toArtifact(ArtifactsRecord record) {
		return new Artifact(record.getId(), record.getProjectId(), record.getVersion(), record.getCommitSha(),
				record.getDigest(), record.getCreatedAt(), new Actor(Actor.Type.valueOf(record.getCreatedByType()),
						record.getCreatedById(), record.getCreatedByName(), null));
	}

}
