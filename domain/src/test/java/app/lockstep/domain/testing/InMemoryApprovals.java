package app.lockstep.domain.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.Approvals;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;

/**
 * {@link Approvals}, append-only, checking what the database's trigger checks on insert:
 * the deployment awaits approval at exactly the decision's version and what it deploys
 * ({@link Deployments.IllegalTransitionException} otherwise, with the status held), and
 * one unexpired decision per person and version ({@link ConflictException}).
 */
public final class InMemoryApprovals implements Approvals {

	private final InMemoryDeployments deployments;

	private final Map<OrgId, List<Approval>> byOrg = new HashMap<>();

	public InMemoryApprovals(InMemoryDeployments deployments) {
		this.deployments = deployments;
	}

	@Override
	public void insert(OrgId org, Approval approval) {
		Deployment d = this.deployments.find(org, approval.deploymentId())
			.orElseThrow(() -> new IllegalStateException("LS404: no deployment " + approval.deploymentId()));
		String current = d.status().value();
		if (d.status() != DeploymentStatus.AWAITING_APPROVAL) {
			throw new Deployments.IllegalTransitionException(current,
					new IllegalStateException("LS409: deployment is " + current + " and takes no decision"));
		}
		if (d.requestVersion() != approval.requestVersion() || !d.artifactId().equals(approval.artifactId())
				|| !Objects.equals(d.configRevision(), approval.configRevision())
				|| !d.environmentId().equals(approval.environmentId())
				|| !Objects.equals(d.scheduledAt(), approval.scheduledAt())) {
			throw new Deployments.IllegalTransitionException(current,
					new IllegalStateException("LS409: deployment changed since it was shown"));
		}
		boolean decidedAlready = of(org, approval.deploymentId()).stream()
			.anyMatch((a) -> a.requestVersion() == approval.requestVersion()
					&& a.approverId().equals(approval.approverId()) && a.expiresAt().isAfter(approval.decidedAt()));
		if (decidedAlready) {
			throw new ConflictException("You have already decided on this version of the request.");
		}
		this.byOrg.computeIfAbsent(org, (o) -> new ArrayList<>()).add(approval);
	}

	@Override
	public List<Approval> of(OrgId org, DeploymentId deployment) {
		return this.byOrg.getOrDefault(org, List.of())
			.stream()
			.filter((a) -> a.deploymentId().equals(deployment))
			.sorted(Comparator.comparing(Approval::decidedAt).thenComparing(Approval::id))
			.toList();
	}

}
