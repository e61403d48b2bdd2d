package app.lockstep.persistence.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.Approvals;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Role;
import app.lockstep.persistence.jooq.tables.records.DeploymentApprovalsRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import app.lockstep.persistence.shared.UuidArrays;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.DEPLOYMENT_APPROVALS;

/**
 * Approval decisions, append-only. The database's trigger locks the deployment and
 * refuses a decision on anything but the version awaiting approval ({@code LS409}).
 */
@Repository
class JooqApprovals implements Approvals {

	static final String ONE_PER_PERSON = "deployment_approvals_one_per_person";

	private final DSLContext dsl;

	JooqApprovals(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void insert(OrgId org, Approval approval) {
		try {
			this.dsl.insertInto(DEPLOYMENT_APPROVALS)
				.set(DEPLOYMENT_APPROVALS.ORG_ID, org)
				.set(DEPLOYMENT_APPROVALS.ID, approval.id())
				.set(DEPLOYMENT_APPROVALS.DEPLOYMENT_ID, approval.deploymentId())
				.set(DEPLOYMENT_APPROVALS.REQUEST_VERSION, approval.requestVersion())
				.set(DEPLOYMENT_APPROVALS.DECISION, approval.decision().value())
				.set(DEPLOYMENT_APPROVALS.APPROVER_ID, approval.approverId())
				.set(DEPLOYMENT_APPROVALS.APPROVER_NAME, approval.approverName())
				.set(DEPLOYMENT_APPROVALS.APPROVER_ROLE, approval.approverRole().name())
				.set(DEPLOYMENT_APPROVALS.VIA_TOKEN, approval.viaToken())
				.set(DEPLOYMENT_APPROVALS.COMMENT, approval.comment())
				.set(DEPLOYMENT_APPROVALS.SELF_APPROVED, approval.selfApproved())
				.set(DEPLOYMENT_APPROVALS.ARTIFACT_ID, approval.artifactId())
				.set(DEPLOYMENT_APPROVALS.CONFIG_REVISION, approval.configRevision())
				.set(DEPLOYMENT_APPROVALS.ENVIRONMENT_ID, approval.environmentId())
				.set(DEPLOYMENT_APPROVALS.SCHEDULED_AT, approval.scheduledAt())
				.set(DEPLOYMENT_APPROVALS.DECIDED_AT, approval.decidedAt())
				.set(DEPLOYMENT_APPROVALS.EXPIRES_AT, approval.expiresAt())
				.execute();
		}
		catch (RuntimeException ex) {
			if (UniqueViolations.constraintOf(ex).filter(ONE_PER_PERSON::equals).isPresent()) {
				throw new ConflictException("You have already decided on this version of the request.");
			}
			throw TransitionRefusals.translate(ex);
		}
	}

	@Override
	public List<Approval> of(OrgId org, DeploymentId deployment) {
		return this.dsl.selectFrom(DEPLOYMENT_APPROVALS)
			.where(DEPLOYMENT_APPROVALS.ORG_ID.eq(org).and(DEPLOYMENT_APPROVALS.DEPLOYMENT_ID.eq(deployment)))
			.orderBy(DEPLOYMENT_APPROVALS.DECIDED_AT, DEPLOYMENT_APPROVALS.ID)
			.fetch(JooqApprovals::toApproval);
	}

	@Override
	public Map<DeploymentId, List<Approval>> of(OrgId org, Collection<DeploymentId> deployments) {
		Map<DeploymentId, List<Approval>> all = new LinkedHashMap<>();
		if (deployments.isEmpty()) {
			return all;
		}
		this.dsl.selectFrom(DEPLOYMENT_APPROVALS)
			.where(DEPLOYMENT_APPROVALS.ORG_ID.eq(org)
				.and(UuidArrays.anyOf(DEPLOYMENT_APPROVALS.DEPLOYMENT_ID, deployments, DeploymentId::value)))
			.orderBy(DEPLOYMENT_APPROVALS.DECIDED_AT, DEPLOYMENT_APPROVALS.ID)
			.fetch(JooqApprovals::toApproval)
			.forEach((approval) -> all.computeIfAbsent(approval.deploymentId(), (id) -> new ArrayList<>())
				.add(approval));
		return all;
	}

	private static Approval toApproval(DeploymentApprovalsRecord record) {
		return new Approval(record.getId(), record.getDeploymentId(), record.getRequestVersion(),
				Approval.Decision.valueOf(record.getDecision().toUpperCase(Locale.ROOT)), record.getApproverId(),
				record.getApproverName(), Role.valueOf(record.getApproverRole()), record.getViaToken(),
				record.getComment(), record.getSelfApproved(), record.getArtifactId(), record.getConfigRevision(),
				record.getEnvironmentId(), record.getScheduledAt(), record.getDecidedAt(), record.getExpiresAt());
	}

}
