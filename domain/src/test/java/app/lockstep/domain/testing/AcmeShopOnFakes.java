package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.deploy.ApprovalPolicy;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;

import org.jspecify.annotations.Nullable;

/**
 * The deployment use cases' unit tests start from here: organization acme with a
 * developer, a lead and an admin, project shop with staging and production (in UTC, so
 * production's default windows are open on {@link #TUESDAY}), builds 1.0.0 and 2.0.0, and
 * the request and decide use cases over the same fakes.
 */
public final class AcmeShopOnFakes {

	/** Tuesday 1 December 2026, 09:00 UTC. */
	public static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

	public final Fakes fakes = new Fakes(TUESDAY);

	public final RequestDeployment request;

	public final DecideOnDeployment decide;

	public final Organization acme = this.fakes.organization("acme");

	public final OrgId org = this.acme.id();

	public final Caller dev = this.fakes.member(this.acme, "Dana", Role.DEVELOPER);

	public final Caller lead = this.fakes.member(this.acme, "Lee", Role.LEAD);

	public final Caller admin = this.fakes.member(this.acme, "Ada", Role.ADMIN);

	public final Project shop = this.fakes.project(this.org, "shop");

	public final Environment staging = this.fakes.environment(this.org, this.shop, "staging", Tier.STAGING, 1);

	public final Environment production = this.fakes.environment(this.org, this.shop, "production", Tier.PRODUCTION, 2);

	public final Artifact v1 = this.fakes.artifact(this.org, this.shop, "1.0.0", "a".repeat(40));

	public final Artifact v2 = this.fakes.artifact(this.org, this.shop, "2.0.0", "b".repeat(40));

	public AcmeShopOnFakes() {
		DeployUseCasesForTests useCases = new DeployUseCasesForTests(this.fakes);
		this.request = useCases.requestDeployment();
		this.decide = useCases.decideOnDeployment();
	}

	/**
	 * Production's approval gate from now on, set by Ada: how many approvals, from which
	 * roles, whether the requester may approve, and where a success must come first.
	 */
	public void productionGate(int approvals, List<Role> approvers, boolean selfApproval,
			@Nullable String requiresSuccessIn) {
		this.fakes.policies.save(this.org, this.production.id(), new ApprovalPolicy(approvals,
				EnumSet.copyOf(approvers), selfApproval, 72, requiresSuccessIn, this.fakes.clock.instant(), "Ada"));
	}

}
