package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.persistence.jooq.tables.records.DeploymentsRecord;
import app.lockstep.persistence.shared.UuidArrays;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.DEPLOYMENTS;
import static app.lockstep.persistence.jooq.Tables.ENVIRONMENTS;

/**
 * Deployments, one row each. Status changes are checked by the database's trigger too:
 * its refusal ({@code LS409}) becomes {@link Deployments.IllegalTransitionException}.
 */
@Repository
class JooqDeployments implements Deployments {

	private final DSLContext dsl;

	JooqDeployments(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void insert(OrgId org, Deployment deployment) {
		try {
			this.dsl.insertInto(DEPLOYMENTS).set(toRecord(org, deployment)).execute();
		}
		catch (RuntimeException ex) {
			throw TransitionRefusals.translate(ex);
		}
	}

	/**
	 * Writes everything but the deployment's identity (project, environment, requester,
	 * emergency, delivery id, what was live before): those never change.
	 */
	@Override
	public void update(OrgId org, Deployment deployment) {
		DeploymentsRecord record = toRecord(org, deployment);
		IDENTITY.forEach((field) -> record.changed(field, false));
		try {
			this.dsl.update(DEPLOYMENTS).set(record).where(byId(org, deployment.id())).execute();
		}
		catch (RuntimeException ex) {
			throw TransitionRefusals.translate(ex);
		}
	}

	/**
	 * The columns an update leaves alone: who asked for what, where, and instead of what.
	 */
	private static final List<Field<?>> IDENTITY = List.of(DEPLOYMENTS.ORG_ID, DEPLOYMENTS.ID, DEPLOYMENTS.PROJECT_ID,
			DEPLOYMENTS.ENVIRONMENT_ID, DEPLOYMENTS.EMERGENCY, DEPLOYMENTS.EMERGENCY_REASON,
			DEPLOYMENTS.REQUESTED_BY_TYPE, DEPLOYMENTS.REQUESTED_BY_ID, DEPLOYMENTS.REQUESTED_BY_NAME,
			DEPLOYMENTS.REQUESTED_BY_USER, DEPLOYMENTS.REQUESTED_AT, DEPLOYMENTS.PREVIOUS_ARTIFACT_ID,
			DEPLOYMENTS.PREVIOUS_CONFIG_REVISION, DEPLOYMENTS.DELIVERY_ID);

	/** The deployment as its row: one mapping for insert and update. */
	private static DeploymentsRecord toRecord(OrgId org, Deployment deployment) {
		Deployment.Review review = deployment.review();
		DeploymentsRecord record = new DeploymentsRecord();
		record.setOrgId(org);
		record.setId(deployment.id());
		record.setProjectId(deployment.projectId());
		record.setEnvironmentId(deployment.environmentId());
		record.setArtifactId(deployment.artifactId());
		record.setConfigRevision(deployment.configRevision());
		record.setScheduledAt(deployment.scheduledAt());
		record.setWhenBlocked(deployment.whenBlocked().value());
		record.setNote(deployment.note());
		record.setStatus(deployment.status().value());
		record.setEmergency(deployment.emergency());
		record.setEmergencyReason(deployment.emergencyReason());
		record.setRequestedByType(deployment.requestedBy().type().name());
		record.setRequestedById(deployment.requestedBy().id());
		record.setRequestedByName(deployment.requestedBy().name());
		record.setRequestedByUser(deployment.requestedByUser());
		record.setRequestedAt(deployment.requestedAt());
		record.setRequestVersion(deployment.requestVersion());
		record.setApprovalsRequired(deployment.approvalsRequired());
		record.setPreviousArtifactId(deployment.previousArtifactId());
		record.setPreviousConfigRevision(deployment.previousConfigRevision());
		record.setDueAt(deployment.dueAt());
		record.setBlockedBy(deployment.blockedBy());
		record.setDispatchAttempts(deployment.dispatchAttempts());
		record.setLastError(deployment.lastError());
		record.setDeliveryId(deployment.deliveryId());
		record.setStartedAt(deployment.startedAt());
		record.setDeadlineAt(deployment.deadlineAt());
		record.setFinishedAt(deployment.finishedAt());
		record.setStatusMessage(deployment.statusMessage());
		record.setLogUrl(deployment.logUrl());
		record.setReviewedAt((review != null) ? review.at() : null);
		record.setReviewedBy((review != null) ? review.by() : null);
		record.setReviewedByName((review != null) ? review.byName() : null);
		record.setReviewComment((review != null) ? review.comment() : null);
		record.setUpdatedAt(deployment.updatedAt());
		return record;
	}

	@Override
	public Optional<Deployment> find(OrgId org, DeploymentId id) {
		return this.dsl.selectFrom(DEPLOYMENTS).where(byId(org, id)).fetchOptional().map(JooqDeployments::toDeployment);
	}

	@Override
	public Optional<Deployment> lock(OrgId org, DeploymentId id) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(byId(org, id))
			.forUpdate()
			.fetchOptional()
			.map(JooqDeployments::toDeployment);
	}

	@Override
	public Optional<Deployment> tryLock(OrgId org, DeploymentId id) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(byId(org, id))
			.forUpdate()
			.skipLocked()
			.fetchOptional()
			.map(JooqDeployments::toDeployment);
	}

	@Override
	public Optional<Deployment> tryLockUnclaimed(OrgId org, DeploymentId id, Instant now) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(byId(org, id).and(DEPLOYMENTS.CLAIMED_UNTIL.isNull().or(DEPLOYMENTS.CLAIMED_UNTIL.le(now))))
			.forUpdate()
			.skipLocked()
			.fetchOptional()
			.map(JooqDeployments::toDeployment);
	}

	@Override
	public void claim(OrgId org, DeploymentId id, UUID token, Instant until) {
		this.dsl.update(DEPLOYMENTS)
			.set(DEPLOYMENTS.CLAIM_TOKEN, token)
			.set(DEPLOYMENTS.CLAIMED_UNTIL, until)
			.where(byId(org, id))
			.execute();
	}

	@Override
	public boolean renewClaim(OrgId org, DeploymentId id, UUID token, Instant until) {
		return this.dsl.update(DEPLOYMENTS)
			.set(DEPLOYMENTS.CLAIMED_UNTIL, until)
			.where(byId(org, id).and(DEPLOYMENTS.CLAIM_TOKEN.eq(token)))
			.execute() == 1;
	}

	@Override
	public Optional<Deployment> lockAndRelease(OrgId org, DeploymentId id, UUID token) {
		// One statement: the UPDATE locks the row, and returns it as it is now.
		return this.dsl.update(DEPLOYMENTS)
			.setNull(DEPLOYMENTS.CLAIM_TOKEN)
			.setNull(DEPLOYMENTS.CLAIMED_UNTIL)
			.where(byId(org, id).and(DEPLOYMENTS.CLAIM_TOKEN.eq(token)))
			.returning()
			.fetchOptional()
			.map(JooqDeployments::toDeployment);
	}

	@Override
	public boolean claimedAt(OrgId org, DeploymentId id, Instant now) {
		return this.dsl.fetchExists(DEPLOYMENTS, byId(org, id).and(DEPLOYMENTS.CLAIMED_UNTIL.gt(now)));
	}

	@Override
	public List<Deployment> lockWaiting(OrgId org, @Nullable EnvironmentId environment) {
		Condition where = DEPLOYMENTS.ORG_ID.eq(org).and(StatusIs.oneOf(DeploymentStatus.WAITING_FOR_WINDOW));
		where = where.and((environment != null) ? DEPLOYMENTS.ENVIRONMENT_ID.eq(environment)
				: DEPLOYMENTS.ENVIRONMENT_ID.in(DSL.select(ENVIRONMENTS.ID)
					.from(ENVIRONMENTS)
					.where(ENVIRONMENTS.ORG_ID.eq(org).and(ENVIRONMENTS.TIER.eq(Tier.PRODUCTION.name())))));
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(where)
			.orderBy(DEPLOYMENTS.SEQ)
			.forUpdate()
			.fetch(JooqDeployments::toDeployment);
	}

	@Override
	public List<Deployment> ofEnvironment(OrgId org, EnvironmentId environment, @Nullable Long beforeSeq, int limit) {
		Condition condition = ofEnvironment(org, environment);
		if (beforeSeq != null) {
			condition = condition.and(DEPLOYMENTS.SEQ.lt(beforeSeq));
		}
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(condition)
			.orderBy(DEPLOYMENTS.SEQ.desc())
			.limit(limit)
			.fetch(JooqDeployments::toDeployment);
	}

	@Override
	public List<Deployment> ofProject(OrgId org, ProjectId project, int limit) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(DEPLOYMENTS.ORG_ID.eq(org).and(DEPLOYMENTS.PROJECT_ID.eq(project)))
			.orderBy(DEPLOYMENTS.SEQ.desc())
			.limit(limit)
			.fetch(JooqDeployments::toDeployment);
	}

	@Override
	public Optional<Deployment> live(OrgId org, EnvironmentId environment) {
		return succeeded(org, environment, 1).stream().findFirst();
	}

	@Override
	public java.util.Map<EnvironmentId, Deployment> liveByEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments) {
		return newestPerEnvironment(org, environments, succeeded());
	}

	@Override
	public List<Deployment> unfinished(OrgId org) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(DEPLOYMENTS.ORG_ID.eq(org)
				.and(StatusIs.oneOf(DeploymentStatus.AWAITING_APPROVAL, DeploymentStatus.SCHEDULED,
						DeploymentStatus.WAITING_FOR_WINDOW, DeploymentStatus.RUNNING)))
			.orderBy(DEPLOYMENTS.SEQ)
			.fetch(JooqDeployments::toDeployment);
	}

	@Override
	public java.util.Map<EnvironmentId, Deployment> lastRunByEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments) {
		return newestPerEnvironment(org, environments,
				StatusIs.oneOf(DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED));
	}

	/**
	 * Per environment asked for, its deployment matching {@code status} that finished
	 * last (the higher seq on a tie): one "limit 1" walk of the environment's partial
	 * index per environment (a lateral join), so the cost follows the number of
	 * environments and not the length of the history, which a DISTINCT ON over every
	 * finished deployment read whole (30,000 rows for 400 environments with 100 each).
	 * Rows are copied into records by position: {@code into(table)} looks every field up
	 * by name, which was half of the release board's time.
	 */
	private java.util.Map<EnvironmentId, Deployment> newestPerEnvironment(OrgId org,
			java.util.Collection<EnvironmentId> environments, Condition status) {
		java.util.Map<EnvironmentId, Deployment> newest = new java.util.LinkedHashMap<>();
		if (environments.isEmpty()) {
			return newest;
		}
		var latest = this.dsl.selectFrom(DEPLOYMENTS)
			.where(DEPLOYMENTS.ORG_ID.eq(ENVIRONMENTS.ORG_ID)
				.and(DEPLOYMENTS.ENVIRONMENT_ID.eq(ENVIRONMENTS.ID))
				.and(status))
			.orderBy(DEPLOYMENTS.FINISHED_AT.desc(), DEPLOYMENTS.SEQ.desc())
			.limit(1)
			.asTable("latest");
		this.dsl.select(latest.fields())
			.from(ENVIRONMENTS)
			.crossJoin(DSL.lateral(latest))
			.where(ENVIRONMENTS.ORG_ID.eq(org)
				.and(UuidArrays.anyOf(ENVIRONMENTS.ID, environments, EnvironmentId::value)))
			.orderBy(latest.field(DEPLOYMENTS.ENVIRONMENT_ID))
			.fetch((row) -> {
				DeploymentsRecord record = new DeploymentsRecord();
				record.fromArray(row.intoArray());
				return record;
			})
			.forEach((record) -> {
				Deployment deployment = toDeployment(record);
				newest.put(deployment.environmentId(), deployment);
			});
		return newest;
	}

	@Override
	public List<Deployment> succeeded(OrgId org, EnvironmentId environment, int limit) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(ofEnvironment(org, environment).and(succeeded()))
			.orderBy(DEPLOYMENTS.FINISHED_AT.desc(), DEPLOYMENTS.SEQ.desc())
			.limit(limit)
			.fetch(JooqDeployments::toDeployment);
	}

	@Override
	public boolean hasSucceeded(OrgId org, EnvironmentId environment, ArtifactId artifact) {
		return this.dsl.fetchExists(DEPLOYMENTS,
				ofEnvironment(org, environment).and(succeeded()).and(DEPLOYMENTS.ARTIFACT_ID.eq(artifact)));
	}

	@Override
	public List<Deployment> awaitingApproval(OrgId org) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(awaiting(org))
			.orderBy(DEPLOYMENTS.SEQ)
			.fetch(JooqDeployments::toDeployment);
	}

	@Override
	public int countAwaitingApproval(OrgId org) {
		return this.dsl.fetchCount(DEPLOYMENTS, awaiting(org));
	}

	@Override
	public List<Deployment> unreviewedEmergencies(OrgId org) {
		return this.dsl.selectFrom(DEPLOYMENTS)
			.where(DEPLOYMENTS.ORG_ID.eq(org)
				.and(DSL.condition(DEPLOYMENTS.EMERGENCY))
				.and(DEPLOYMENTS.REVIEWED_AT.isNull()))
			.orderBy(DEPLOYMENTS.REQUESTED_AT, DEPLOYMENTS.SEQ)
			.fetch(JooqDeployments::toDeployment);
	}

	/**
	 * {@code tier} is an environment tier's name ({@code PRODUCTION}), any case; null
	 * means every tier.
	 */
	@Override
	public List<Deployment> requestedBetween(OrgId org, Instant from, Instant to, @Nullable String tier) {
		Condition condition = DEPLOYMENTS.ORG_ID.eq(org)
			.and(DEPLOYMENTS.REQUESTED_AT.ge(from))
			.and(DEPLOYMENTS.REQUESTED_AT.lt(to));
		if (tier != null) {
			condition = condition.and(ENVIRONMENTS.TIER.eq(tier.toUpperCase(Locale.ROOT)));
		}
		return this.dsl.select(DEPLOYMENTS.fields())
			.from(DEPLOYMENTS)
			.join(ENVIRONMENTS)
			.on(ENVIRONMENTS.ORG_ID.eq(DEPLOYMENTS.ORG_ID).and(ENVIRONMENTS.ID.eq(DEPLOYMENTS.ENVIRONMENT_ID)))
			.where(condition)
			.orderBy(DEPLOYMENTS.REQUESTED_AT, DEPLOYMENTS.SEQ)
			.fetch((row) -> toDeployment(row.into(DEPLOYMENTS)));
	}

	private static Condition byId(OrgId org, DeploymentId id) {
		return DEPLOYMENTS.ORG_ID.eq(org).and(DEPLOYMENTS.ID.eq(id));
	}

	private static Condition ofEnvironment(OrgId org, EnvironmentId environment) {
		return DEPLOYMENTS.ORG_ID.eq(org).and(DEPLOYMENTS.ENVIRONMENT_ID.eq(environment));
	}

	private static Condition succeeded() {
		return StatusIs.oneOf(DeploymentStatus.SUCCEEDED);
	}

	private static Condition awaiting(OrgId org) {
		return DEPLOYMENTS.ORG_ID.eq(org).and(StatusIs.oneOf(DeploymentStatus.AWAITING_APPROVAL));
	}

	static Deployment toDeployment(DeploymentsRecord record) {
		Deployment.Review review = (record.getReviewedAt() != null)
				? new Deployment.Review(record.getReviewedAt(), record.getReviewedBy(), record.getReviewedByName(),
						(record.getReviewComment() != null) ? record.getReviewComment() : "")
				: null;
		return new Deployment(record.getId(), record.getSeq(), record.getProjectId(), record.getEnvironmentId(),
				record.getArtifactId(), record.getConfigRevision(), record.getScheduledAt(),
				WhenBlocked.valueOf(record.getWhenBlocked().toUpperCase(Locale.ROOT)), record.getNote(),
				DeploymentStatus.fromValue(record.getStatus())
					.orElseThrow(() -> new IllegalStateException("Unknown deployment status " + record.getStatus())),
				record.getEmergency(), record.getEmergencyReason(),
				new Actor(Actor.Type.valueOf(record.getRequestedByType()), record.getRequestedById(),
						record.getRequestedByName(), null),
				record.getRequestedByUser(), record.getRequestedAt(), record.getRequestVersion(),
				record.getApprovalsRequired(),
				(record.getPreviousArtifactId() != null) ? record.getPreviousArtifactId() : null,
				record.getPreviousConfigRevision(), record.getDueAt(), record.getBlockedBy(),
				record.getDispatchAttempts(), record.getLastError(), record.getDeliveryId(), record.getStartedAt(),
				record.getDeadlineAt(), record.getFinishedAt(), record.getStatusMessage(), record.getLogUrl(), review,
				record.getUpdatedAt());
	}

}
