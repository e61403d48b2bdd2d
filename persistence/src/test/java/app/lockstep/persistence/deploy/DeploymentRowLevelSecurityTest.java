package app.lockstep.persistence.deploy;

import app.lockstep.domain.shared.OrgId;
import java.time.Instant;
import app.lockstep.domain.deploy.DeploymentId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import app.lockstep.domain.deploy.Approval.Decision;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.DueDeployments.Due;
import app.lockstep.domain.shared.UserId;
import app.lockstep.persistence.deploy.DeployFixtures.Tenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.deploy.DeployFixtures.T0;
import static app.lockstep.persistence.deploy.DeployFixtures.approval;
import static app.lockstep.persistence.deploy.DeployFixtures.deployment;
import static app.lockstep.persistence.deploy.DeployFixtures.inOrg;
import static app.lockstep.persistence.jooq.Tables.APPROVAL_POLICIES;
import static app.lockstep.persistence.jooq.Tables.DEPLOYMENTS;
import static app.lockstep.persistence.jooq.Tables.DEPLOYMENT_APPROVALS;
import static app.lockstep.persistence.jooq.Tables.DEPLOY_TARGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deployments and their decisions are tenant rows: another organization and an unbound
 * transaction see none. The scheduler's binding reads every organization's deployments,
 * to find the due ones by the caller's clock, and writes nothing.
 */
class DeploymentRowLevelSecurityTest {

	/** The scheduler's clock, far from the other tests' instants. */
	private static final Instant NOW = Instant.parse("2031-06-01T12:00:00Z");

	private static Tenant alpha;

	private static Tenant beta;

	private static Deployment alphaAwaiting;

	private static Deployment alphaDue;

	private static Deployment alphaNotYetDue;

	private static Deployment alphaOverdue;

	private static Deployment betaDue;

	private static Deployment betaWaiting;

	private static Deployment betaRunning;

	private static Deployment betaCancelled;

	@BeforeAll
	static void twoOrganizationsWithDeployments() {
		alpha = DeployFixtures.tenant();
		beta = DeployFixtures.tenant();
		alphaAwaiting = deployment(alpha, DeploymentStatus.AWAITING_APPROVAL, T0);
		alphaDue = deployment(alpha, DeploymentStatus.SCHEDULED, T0).withDue(NOW.minusSeconds(300), null);
		alphaNotYetDue = deployment(alpha, DeploymentStatus.SCHEDULED, T0).withDue(NOW.plusSeconds(1), null);
		alphaOverdue = deployment(alpha, DeploymentStatus.SCHEDULED, T0).withStarted(NOW.minusSeconds(3600), NOW);
		betaDue = deployment(beta, DeploymentStatus.SCHEDULED, T0).withDue(NOW.minusSeconds(200), null);
		betaWaiting = deployment(beta, DeploymentStatus.WAITING_FOR_WINDOW, T0).withDue(NOW, "Friday rule");
		betaRunning = deployment(beta, DeploymentStatus.SCHEDULED, T0).withStarted(NOW.minusSeconds(60),
				NOW.plusSeconds(1));
		betaCancelled = deployment(beta, DeploymentStatus.CANCELLED, T0).withDue(NOW.minusSeconds(400), null);
		insert(alpha, alphaAwaiting, alphaDue, alphaNotYetDue, alphaOverdue);
		insert(beta, betaDue, betaWaiting, betaRunning, betaCancelled);
		inOrg(alpha.org(), (dsl) -> {
			new JooqApprovals(dsl).insert(alpha.org(),
					approval(alphaAwaiting, UserId.random(), Decision.APPROVE, T0.plusSeconds(60)));
			return null;
		});
	}

	@Test
	void anotherOrganizationSeesNoneOfTheDeploymentsNorTheirDecisions() {
		var otherFound = inOrg(beta.org(), (dsl) -> new JooqDeployments(dsl).find(alpha.org(), alphaAwaiting.id()));
		assertThat(otherFound).isEmpty();
		var otherCount = inOrg(beta.org(), (dsl) -> new JooqDeployments(dsl).countAwaitingApproval(alpha.org()));
		assertThat(otherCount).isZero();
		var otherDecisions = inOrg(beta.org(), (dsl) -> new JooqApprovals(dsl).of(alpha.org(), alphaAwaiting.id()));
		assertThat(otherDecisions).isEmpty();
		List<OrgId> seen = inOrg(beta.org(), (dsl) -> {
			List<OrgId> orgs = new java.util.ArrayList<>(
					dsl.select(DEPLOYMENTS.ORG_ID).from(DEPLOYMENTS).fetch(DEPLOYMENTS.ORG_ID));
			orgs.addAll(dsl.select(DEPLOYMENT_APPROVALS.ORG_ID)
				.from(DEPLOYMENT_APPROVALS)
				.fetch(DEPLOYMENT_APPROVALS.ORG_ID));
			return orgs;
		});
		assertThat(seen).isNotEmpty().containsOnly(beta.org());
		var ownDecisions = inOrg(alpha.org(), (dsl) -> new JooqApprovals(dsl).of(alpha.org(), alphaAwaiting.id()));
		assertThat(ownDecisions).hasSize(1);
	}

	@Test
	void withoutABindingNothingIsVisible() {
		int visible = DeployFixtures.app()
			.transactionResult((tx) -> tx.dsl().fetchCount(DEPLOYMENTS) + tx.dsl().fetchCount(DEPLOYMENT_APPROVALS)
					+ tx.dsl().fetchCount(APPROVAL_POLICIES) + tx.dsl().fetchCount(DEPLOY_TARGETS));
		assertThat(visible).isZero();
	}

	@Test
	void writingADeploymentIntoAnotherOrganizationIsRefused() {
		assertThatThrownBy(() -> inOrg(alpha.org(), (dsl) -> {
			new JooqDeployments(dsl).insert(beta.org(), deployment(beta, DeploymentStatus.SCHEDULED, T0));
			return null;
		})).hasMessageContaining("row-level security");
	}

	@Test
	void theSchedulerFindsDueDeploymentsOfEveryOrganizationByTheGivenClock() {
		List<Due> pending = asScheduler((dsl) -> new JooqDueDeployments(dsl).pendingDue(NOW, 1000));
		assertThat(pending).containsSubsequence(due(alpha, alphaDue), due(beta, betaDue), due(beta, betaWaiting))
			.doesNotContain(due(alpha, alphaNotYetDue), due(beta, betaCancelled), due(alpha, alphaAwaiting));
		List<Due> overdue = asScheduler((dsl) -> new JooqDueDeployments(dsl).overdue(NOW, 1000));
		assertThat(overdue).contains(due(alpha, alphaOverdue)).doesNotContain(due(beta, betaRunning));
		List<Due> later = asScheduler((dsl) -> new JooqDueDeployments(dsl).overdue(NOW.plusSeconds(1), 1000));
		assertThat(later).containsSubsequence(due(alpha, alphaOverdue), due(beta, betaRunning));
		List<Due> earlier = asScheduler((dsl) -> new JooqDueDeployments(dsl).pendingDue(NOW.minusSeconds(250), 1000));
		assertThat(earlier).contains(due(alpha, alphaDue)).doesNotContain(due(beta, betaDue));
	}

	@Test
	void theSchedulerBindingWritesNothing() {
		int updated = DeployFixtures.app().transactionResult((tx) -> {
			DeployFixtures.bind(tx.dsl(), "lockstep.scheduler", "on");
			return tx.dsl()
				.update(DEPLOYMENTS)
				.set(DEPLOYMENTS.NOTE, "scheduler was here")
				.where(DEPLOYMENTS.ID.in(alphaDue.id(), betaDue.id()))
				.execute();
		});
		assertThat(updated).isZero();
		assertThatThrownBy(() -> DeployFixtures.app().transaction((tx) -> {
			DeployFixtures.bind(tx.dsl(), "lockstep.scheduler", "on");
			new JooqDeployments(tx.dsl()).insert(alpha.org(), deployment(alpha, DeploymentStatus.SCHEDULED, T0));
		})).hasMessageContaining("row-level security");
		assertThatThrownBy(() -> asScheduler((dsl) -> dsl.update(DEPLOYMENTS)
			.set(DEPLOYMENTS.NOTE, "scheduler was here")
			.where(DEPLOYMENTS.ID.eq(alphaDue.id()))
			.execute())).hasMessageContaining("read-only transaction");
		var note = inOrg(alpha.org(), (dsl) -> new JooqDeployments(dsl).find(alpha.org(), alphaDue.id())).orElseThrow()
			.note();
		assertThat(note).isNull();
	}

	@Test
	void theSchedulerBindingSeesNoDecisions() {
		var decisionsSeen = asScheduler(
				(dsl) -> dsl.fetchCount(DEPLOYMENT_APPROVALS) + dsl.fetchCount(APPROVAL_POLICIES));
		assertThat(decisionsSeen).isZero();
	}

	private static Due due(Tenant tenant, Deployment deployment) {
		return new Due(tenant.org(), deployment.id());
	}

	/** As {@code TenantTransactions.forScheduler}: no organization, read only. */
	private static <T> T asScheduler(Function<DSLContext, T> work) {
		return DeployFixtures.app().transactionResult((tx) -> {
			DeployFixtures.bind(tx.dsl(), "lockstep.scheduler", "on");
			tx.dsl().execute("set transaction read only");
			return work.apply(tx.dsl());
		});
	}

	private static void insert(Tenant tenant, Deployment... deployments) {
		inOrg(tenant.org(), (dsl) -> {
			for (Deployment deployment : deployments) {
				new JooqDeployments(dsl).insert(tenant.org(), deployment);
			}
			return null;
		});
	}

}
