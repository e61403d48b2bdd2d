package app.lockstep.domain.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.WhenBlocked;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.AcmeShopOnFakes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The DORA metrics of a known production history, every number checked. Week of 1–7
 * December 2026 (UTC), against 24–30 November:
 * <ul>
 * <li>30 Nov 12:00 1.0 succeeds (commit c1 at 10:00): the previous period.</li>
 * <li>1 Dec 10:00 2.0 succeeds (c2 at 08:00): lead 2 h.</li>
 * <li>2 Dec 10:00 3.0 fails; 14:00 3.0 succeeds (c3 at 08:00): lead 6 h, restored in 4
 * h.</li>
 * <li>4 Dec 10:00 4.0 succeeds (c4 at 08:00): lead 2 h; rolled back at 12:00 to 3.0,
 * which succeeds at 12:30: a change failure restored in 2 h 30.</li>
 * </ul>
 */
class DoraMetricsTest {

	private final AcmeShopOnFakes world = new AcmeShopOnFakes();

	private final DoraMetrics metrics = new DoraMetrics(this.world.fakes.projects, this.world.fakes.deployments,
			this.world.fakes.artifacts, this.world.fakes.codeChanges, this.world.fakes.transactions,
			this.world.fakes.clock);

	@Test
	void everyNumberOfAKnownHistory() {
		this.world.fakes.clock.set(Instant.parse("2026-12-08T09:00:00Z"));
		Artifact a1 = build("1.0", "c", "2026-11-30T10:00:00Z");
		Artifact a2 = build("2.0", "d", "2026-12-01T08:00:00Z");
		Artifact a3 = build("3.0", "e", "2026-12-02T08:00:00Z");
		Artifact a4 = build("4.0", "f", "2026-12-04T08:00:00Z");
		finished(a1, null, DeploymentStatus.SUCCEEDED, "2026-11-30T11:00:00Z", "2026-11-30T12:00:00Z");
		finished(a2, a1, DeploymentStatus.SUCCEEDED, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z");
		finished(a3, a2, DeploymentStatus.FAILED, "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z");
		finished(a3, a2, DeploymentStatus.SUCCEEDED, "2026-12-02T13:00:00Z", "2026-12-02T14:00:00Z");
		finished(a4, a3, DeploymentStatus.SUCCEEDED, "2026-12-04T09:00:00Z", "2026-12-04T10:00:00Z");
		finished(a3, a4, DeploymentStatus.SUCCEEDED, "2026-12-04T12:00:00Z", "2026-12-04T12:30:00Z");

		DoraMetrics.Report report = this.metrics.report(this.world.dev, null, null, LocalDate.parse("2026-12-01"),
				LocalDate.parse("2026-12-07"));

		DoraFigures week = report.current();
		assertThat(week.deployments()).isEqualTo(4);
		assertThat(week.perDay()).isCloseTo(4.0 / 7, within(1e-9));
		assertThat(week.leadTime()).isEqualTo(Duration.ofHours(2));
		assertThat(week.finished()).isEqualTo(5);
		assertThat(week.failures()).isEqualTo(2);
		assertThat(week.changeFailureRate()).isCloseTo(0.4, within(1e-9));
		assertThat(week.timeToRestore()).isEqualTo(Duration.ofMinutes(195));
		assertThat(report.deployments()).extracting(DoraDeployment::failureReason)
			.containsExactly(null, "failed", null, "rolled back to the previous version", null);
		assertThat(report.deployments().get(1).timeToRestore()).isEqualTo(Duration.ofHours(4));
		assertThat(report.deployments().get(3).timeToRestore()).isEqualTo(Duration.ofMinutes(150));
		assertThat(report.deployments().get(4).commits()).as("a rollback brings no commit").isZero();

		DoraFigures before = report.previous();
		assertThat(before.deployments()).isEqualTo(1);
		assertThat(before.leadTime()).isEqualTo(Duration.ofHours(2));
		assertThat(before.changeFailureRate()).isZero();
		assertThat(before.timeToRestore()).isNull();
		assertThat(report.period().previous())
			.isEqualTo(new DoraMetrics.Period(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-30")));
	}

	@Test
	void anEmergencySoonAfterASuccessMakesItAChangeFailureAndStagingIsNotProduction() {
		this.world.fakes.clock.set(Instant.parse("2026-12-08T09:00:00Z"));
		Artifact a1 = build("1.0", "c", "2026-12-01T08:00:00Z");
		Artifact a2 = build("2.0", "d", "2026-12-02T08:00:00Z");
		finished(a1, null, DeploymentStatus.SUCCEEDED, "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z");
		finished(a2, a1, DeploymentStatus.SUCCEEDED, "2026-12-03T09:00:00Z", "2026-12-03T09:10:00Z", true);

		DoraMetrics.Report report = this.metrics.report(this.world.dev, "shop", null, LocalDate.parse("2026-12-01"),
				LocalDate.parse("2026-12-07"));
		assertThat(report.deployments().getFirst().failureReason()).isEqualTo("followed by an emergency deployment");
		assertThat(report.current().timeToRestore()).as("the emergency restored it")
			.isEqualTo(Duration.ofMinutes(1390));

		DoraMetrics.Report staging = this.metrics.report(this.world.dev, "shop", "staging",
				LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-07"));
		assertThat(staging.current().finished()).isZero();
		assertThat(staging.current().leadTime()).isNull();
		assertThatThrownBy(() -> this.metrics.report(this.world.dev, null, null, LocalDate.parse("2026-12-07"),
				LocalDate.parse("2026-12-01")))
			.isInstanceOf(ValidationException.class);
	}

	private Artifact build(String version, String shaLetter, String committedAt) {
		String sha = shaLetter.repeat(40);
		this.world.fakes.codeChanges.addAll(this.world.org, this.world.shop.id(),
				Commit.validate(List.of(new CommitInput(sha, "main", "Dana", "change " + version, committedAt, null))),
				CodeSource.API, Instant.parse(committedAt));
		return this.world.fakes.artifact(this.world.org, this.world.shop, version, sha);
	}

	private Deployment finished(Artifact artifact, @Nullable Artifact previous, DeploymentStatus status,
			String requestedAt, String finishedAt) {
		return finished(artifact, previous, status, requestedAt, finishedAt, false);
	}

	private Deployment finished(Artifact artifact, @Nullable Artifact previous, DeploymentStatus status,
			String requestedAt, String finishedAt, boolean emergency) {
		Instant requested = Instant.parse(requestedAt);
		Instant done = Instant.parse(finishedAt);
		Deployment deployment = new Deployment(DeploymentId.random(), 0, this.world.shop.id(),
				this.world.production.id(), artifact.id(), null, null, WhenBlocked.REJECT, null, status, emergency,
				emergency ? "hotfix" : null, this.world.dev.actor(), this.world.dev.userId(), requested, 1, 0,
				(previous != null) ? previous.id() : null, null, null, null, 1, null, UUID.randomUUID(), requested,
				done.plusSeconds(3600), done, "done", null, null, done);
		this.world.fakes.deployments.insert(this.world.org, deployment);
		return this.world.fakes.deployments.get(this.world.org, deployment.id());
	}

}
