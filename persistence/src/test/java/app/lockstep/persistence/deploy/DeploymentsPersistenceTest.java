package app.lockstep.persistence.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.deploy.Deployments.IllegalTransitionException;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.UserId;
import app.lockstep.persistence.deploy.DeployFixtures.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.lockstep.persistence.deploy.DeployFixtures.REQUESTER;
import static app.lockstep.persistence.deploy.DeployFixtures.T0;
import static app.lockstep.persistence.deploy.DeployFixtures.deployment;
import static app.lockstep.persistence.deploy.DeployFixtures.inOrg;
import static app.lockstep.persistence.jooq.Tables.DEPLOYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deployments read back as written, as the runtime role; the database refuses the status
 * changes and silent request changes the domain forbids, and the adapter says which
 * status it holds.
 */
class DeploymentsPersistenceTest {

	private Tenant tenant;

	@BeforeEach
	void anOrganization() {
		this.tenant = DeployFixtures.tenant();
	}

	@Test
	void aDeploymentWithEveryFieldReadsBackAsWritten() {
		Deployment written = new Deployment(app.lockstep.domain.deploy.DeploymentId.random(), 0, this.tenant.project(),
				this.tenant.production(), this.tenant.v2(), 7, T0.plusSeconds(3600), WhenBlocked.REJECT, "Ship it",
				DeploymentStatus.SUCCEEDED, true, "Checkout is down",
				new Actor(Actor.Type.TOKEN, "tok-1", "CI token", null), REQUESTER, T0, 2, 0, this.tenant.v1(), 6,
				T0.plusSeconds(60), "Friday rule", 2, "connection refused", UUID.randomUUID(), T0.plusSeconds(120),
				T0.plusSeconds(3720), T0.plusSeconds(600), "Rolled out", "https://ci.example/log/1",
				new Deployment.Review(T0.plusSeconds(7200), UserId.random(), "Olivia", "Justified"),
				T0.plusSeconds(7200));
		inOrg(this.tenant.org(), (dsl) -> {
			new JooqDeployments(dsl).insert(this.tenant.org(), written);
			return null;
		});
		Deployment read = deployments((d) -> d.find(this.tenant.org(), written.id())).orElseThrow();
		assertThat(read.seq()).isPositive();
		assertThat(read).usingRecursiveComparison().ignoringFields("seq").isEqualTo(written);
		assertThat(read.requestedBy().type()).isEqualTo(Actor.Type.TOKEN);
		assertThat(read.review()).isEqualTo(written.review());
	}

	@Test
	void updatesWriteTheMutableStateAlongTheAllowedTransitions() {
		Deployment requested = insert(deployment(this.tenant, DeploymentStatus.AWAITING_APPROVAL, T0));
		Deployment changed = requested.withChangedRequest(this.tenant.v2(), 4, T0.plusSeconds(600), 2,
				DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(10));
		Deployment scheduled = changed.withStatus(DeploymentStatus.SCHEDULED, T0.plusSeconds(20))
			.withDue(T0.plusSeconds(600), null)
			.withAttempt(1, "timeout");
		Deployment running = scheduled.withStarted(T0.plusSeconds(600), T0.plusSeconds(4200))
			.withProgress(T0.plusSeconds(700), "Halfway", "https://ci.example/log/2");
		Deployment finished = running.withFinished(DeploymentStatus.SUCCEEDED, T0.plusSeconds(900), "Done", null);
		for (Deployment next : List.of(changed, scheduled, running, finished)) {
			deployments((d) -> {
				d.lock(this.tenant.org(), next.id()).orElseThrow();
				d.update(this.tenant.org(), next);
				return null;
			});
			var stored = deployments((d) -> d.find(this.tenant.org(), next.id())).orElseThrow();
			assertThat(stored).isEqualTo(next);
		}
	}

	@Test
	void aCancelledDeploymentNeverStartsAndTheRefusalNamesItsStatus() {
		Deployment cancelled = insert(deployment(this.tenant, DeploymentStatus.CANCELLED, T0));
		assertThatThrownBy(() -> deployments((d) -> {
			d.update(this.tenant.org(), cancelled.withStarted(T0.plusSeconds(60), T0.plusSeconds(3660)));
			return null;
		})).isInstanceOfSatisfying(IllegalTransitionException.class,
				(ex) -> assertThat(ex.current()).isEqualTo("cancelled"));
		var status = deployments((d) -> d.find(this.tenant.org(), cancelled.id())).orElseThrow().status();
		assertThat(status).isEqualTo(DeploymentStatus.CANCELLED);
	}

	@Test
	void aSucceededDeploymentNeverChanges() {
		Deployment succeeded = insert(deployment(this.tenant, DeploymentStatus.SUCCEEDED, T0));
		for (Deployment next : List.of(succeeded.withStatus(DeploymentStatus.FAILED, T0.plusSeconds(1)),
				succeeded.withProgress(T0.plusSeconds(1), "Rewritten", null))) {
			assertThatThrownBy(() -> deployments((d) -> {
				d.update(this.tenant.org(), next);
				return null;
			})).isInstanceOfSatisfying(IllegalTransitionException.class,
					(ex) -> assertThat(ex.current()).isEqualTo("succeeded"));
		}
	}

	@Test
	void changingWhatIsDeployedWithoutANewRequestVersionIsRefused() {
		Deployment requested = insert(deployment(this.tenant, DeploymentStatus.AWAITING_APPROVAL, T0));
		Deployment sneaky = requested.withChangedRequest(this.tenant.v2(), 9, null, 1,
				DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(5));
		Deployment sameVersion = new Deployment(sneaky.id(), sneaky.seq(), sneaky.projectId(), sneaky.environmentId(),
				sneaky.artifactId(), sneaky.configRevision(), sneaky.scheduledAt(), sneaky.whenBlocked(), sneaky.note(),
				sneaky.status(), sneaky.emergency(), sneaky.emergencyReason(), sneaky.requestedBy(),
				sneaky.requestedByUser(), sneaky.requestedAt(), requested.requestVersion(), sneaky.approvalsRequired(),
				sneaky.previousArtifactId(), sneaky.previousConfigRevision(), sneaky.dueAt(), sneaky.blockedBy(),
				sneaky.dispatchAttempts(), sneaky.lastError(), sneaky.deliveryId(), sneaky.startedAt(),
				sneaky.deadlineAt(), sneaky.finishedAt(), sneaky.statusMessage(), sneaky.logUrl(), sneaky.review(),
				sneaky.updatedAt());
		assertThatThrownBy(() -> deployments((d) -> {
			d.update(this.tenant.org(), sameVersion);
			return null;
		})).isInstanceOfSatisfying(IllegalTransitionException.class,
				(ex) -> assertThat(ex.current()).isEqualTo("awaiting_approval"));
		Deployment stored = deployments((d) -> d.find(this.tenant.org(), requested.id())).orElseThrow();
		assertThat(stored.artifactId()).isEqualTo(this.tenant.v1());
		assertThat(stored.configRevision()).isEqualTo(3);
	}

	@Test
	void liveIsTheLatestSucceededByFinishTimeNotBySequence() {
		Deployment later = insert(finished(this.tenant.v2(), DeploymentStatus.SUCCEEDED, T0.plusSeconds(3600)));
		Deployment earlier = insert(finished(this.tenant.v1(), DeploymentStatus.SUCCEEDED, T0.plusSeconds(60)));
		insert(finished(this.tenant.v1(), DeploymentStatus.FAILED, T0.plusSeconds(7200)));
		insert(deployment(this.tenant, this.tenant.staging(), this.tenant.v1(), DeploymentStatus.SUCCEEDED,
				T0.plusSeconds(9000)));
		assertThat(earlier.seq()).isGreaterThan(later.seq());
		var live = deployments((d) -> d.live(this.tenant.org(), this.tenant.production())).map(Deployment::id);
		assertThat(live).contains(later.id());
		var liveEverywhere = deployments((d) -> d.liveByEnvironment(this.tenant.org(),
				java.util.List.of(this.tenant.production(), this.tenant.staging())));
		java.util.Map<app.lockstep.domain.project.EnvironmentId, Deployment> liveOnStaging = deployments(
				(d) -> d.liveByEnvironment(this.tenant.org(), java.util.List.of(this.tenant.staging())));
		assertThat(liveOnStaging).as("only the environments asked for").containsOnlyKeys(this.tenant.staging());
		assertThat(liveEverywhere.get(this.tenant.production()).id()).isEqualTo(later.id());
		assertThat(liveEverywhere).containsKey(this.tenant.staging());
		var succeeded = deployments((d) -> d.succeeded(this.tenant.org(), this.tenant.production(), 10));
		assertThat(succeeded).extracting(Deployment::id).containsExactly(later.id(), earlier.id());
		var hasSucceeded = deployments(
				(d) -> d.hasSucceeded(this.tenant.org(), this.tenant.production(), this.tenant.v2()));
		assertThat(hasSucceeded).isTrue();
		Tenant empty = DeployFixtures.tenant();
		var nothingLive = inOrg(empty.org(), (dsl) -> new JooqDeployments(dsl).live(empty.org(), empty.production()));
		assertThat(nothingLive).isEmpty();
		java.util.Map<app.lockstep.domain.project.EnvironmentId, Deployment> nothingLiveAnywhere = inOrg(empty.org(),
				(dsl) -> new JooqDeployments(dsl).liveByEnvironment(empty.org(),
						java.util.List.of(empty.production())));
		assertThat(nothingLiveAnywhere).isEmpty();
		var neverSucceeded = inOrg(empty.org(),
				(dsl) -> new JooqDeployments(dsl).hasSucceeded(empty.org(), empty.production(), empty.v1()));
		assertThat(neverSucceeded).isFalse();
	}

	@Test
	void awaitingApprovalIsCountedAndListedOldestFirst() {
		Deployment first = insert(deployment(this.tenant, DeploymentStatus.AWAITING_APPROVAL, T0));
		insert(deployment(this.tenant, DeploymentStatus.SCHEDULED, T0.plusSeconds(1)));
		Deployment second = insert(deployment(this.tenant, this.tenant.staging(), this.tenant.v2(),
				DeploymentStatus.AWAITING_APPROVAL, T0.plusSeconds(2)));
		insert(deployment(this.tenant, DeploymentStatus.REJECTED, T0.plusSeconds(3)));
		var count = deployments((d) -> d.countAwaitingApproval(this.tenant.org()));
		assertThat(count).isEqualTo(2);
		var awaiting = deployments((d) -> d.awaitingApproval(this.tenant.org()));
		assertThat(awaiting).extracting(Deployment::id).containsExactly(first.id(), second.id());
	}

	@Test
	void anEnvironmentsDeploymentsPageNewestFirstBySequence() {
		List<Deployment> written = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			written.add(insert(deployment(this.tenant, DeploymentStatus.CANCELLED, T0.plusSeconds(i))));
		}
		insert(deployment(this.tenant, this.tenant.staging(), this.tenant.v1(), DeploymentStatus.CANCELLED, T0));
		List<Deployment> first = deployments(
				(d) -> d.ofEnvironment(this.tenant.org(), this.tenant.production(), null, 2));
		assertThat(first).extracting(Deployment::id).containsExactly(written.get(4).id(), written.get(3).id());
		List<Deployment> next = deployments(
				(d) -> d.ofEnvironment(this.tenant.org(), this.tenant.production(), first.get(1).seq(), 10));
		assertThat(next).extracting(Deployment::id)
			.containsExactly(written.get(2).id(), written.get(1).id(), written.get(0).id());
		var ofProject = deployments((d) -> d.ofProject(this.tenant.org(), this.tenant.project(), 100));
		assertThat(ofProject).hasSize(6).isSortedAccordingTo((a, b) -> Long.compare(b.seq(), a.seq()));
	}

	@Test
	void unreviewedEmergenciesAndRequestsBetweenTwoInstantsByTier() {
		Deployment emergency = insert(emergency(T0.plusSeconds(10)));
		Deployment reviewed = insert(emergency(T0.plusSeconds(20)));
		deployments((d) -> {
			d.update(this.tenant.org(),
					reviewed.withReview(new Deployment.Review(T0.plusSeconds(30), UserId.random(), "Olivia", "Fine")));
			return null;
		});
		Deployment staging = insert(deployment(this.tenant, this.tenant.staging(), this.tenant.v1(),
				DeploymentStatus.SCHEDULED, T0.plusSeconds(15)));
		insert(deployment(this.tenant, DeploymentStatus.SCHEDULED, T0.plusSeconds(3600)));
		var unreviewed = deployments((d) -> d.unreviewedEmergencies(this.tenant.org()));
		assertThat(unreviewed).extracting(Deployment::id).containsExactly(emergency.id());
		var between = deployments(
				(d) -> d.requestedBetween(this.tenant.org(), T0.plusSeconds(10), T0.plusSeconds(3600), null));
		assertThat(between).extracting(Deployment::id).containsExactly(emergency.id(), staging.id(), reviewed.id());
		var productionTier = deployments(
				(d) -> d.requestedBetween(this.tenant.org(), T0, T0.plusSeconds(3600), "PRODUCTION"));
		assertThat(productionTier).extracting(Deployment::id).containsExactly(emergency.id(), reviewed.id());
		var stagingTier = deployments(
				(d) -> d.requestedBetween(this.tenant.org(), T0, T0.plusSeconds(3600), "staging"));
		assertThat(stagingTier).extracting(Deployment::id).containsExactly(staging.id());
	}

	@Test
	void tryLockIsEmptyWhileAnotherTransactionHoldsTheRow() throws Exception {
		Deployment scheduled = insert(deployment(this.tenant, DeploymentStatus.SCHEDULED, T0));
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> holder = executor.submit(() -> DeployFixtures.app().transaction((tx) -> {
				DeployFixtures.bind(tx.dsl(), "lockstep.org_id", this.tenant.org().toString());
				new JooqDeployments(tx.dsl()).lock(this.tenant.org(), scheduled.id()).orElseThrow();
				locked.countDown();
				assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
			}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			Optional<Deployment> claimed = deployments((d) -> d.tryLock(this.tenant.org(), scheduled.id()));
			Optional<Deployment> seen = deployments((d) -> d.find(this.tenant.org(), scheduled.id()));
			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
			assertThat(claimed).isEmpty();
			assertThat(seen).isPresent();
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
		var claimedAfter = deployments((d) -> d.tryLock(this.tenant.org(), scheduled.id()));
		assertThat(claimedAfter).isPresent();
	}

	@Test
	void theRuntimeRoleCannotDeleteDeployments() {
		insert(deployment(this.tenant, DeploymentStatus.CANCELLED, T0));
		assertThatThrownBy(() -> inOrg(this.tenant.org(), (dsl) -> dsl.deleteFrom(DEPLOYMENTS).execute()))
			.hasMessageContaining("permission denied");
	}

	private Deployment finished(ArtifactId artifact, DeploymentStatus end, Instant at) {
		return deployment(this.tenant, this.tenant.production(), artifact, DeploymentStatus.RUNNING, T0)
			.withFinished(end, at, null, null);
	}

	private Deployment emergency(Instant at) {
		Deployment plain = deployment(this.tenant, DeploymentStatus.SUCCEEDED, at);
		return new Deployment(plain.id(), 0, plain.projectId(), plain.environmentId(), plain.artifactId(),
				plain.configRevision(), null, plain.whenBlocked(), null, plain.status(), true, "Outage",
				plain.requestedBy(), plain.requestedByUser(), at, 1, 0, null, null, null, null, 0, null,
				plain.deliveryId(), null, null, at, null, null, null, at);
	}

	/** Inserts the deployment and answers it as read back (with its sequence number). */
	private Deployment insert(Deployment deployment) {
		return deployments((d) -> {
			d.insert(this.tenant.org(), deployment);
			return d.find(this.tenant.org(), deployment.id()).orElseThrow();
		});
	}

	private <T> T deployments(java.util.function.Function<Deployments, T> work) {
		return inOrg(this.tenant.org(), (dsl) -> work.apply(new JooqDeployments(dsl)));
	}

}
