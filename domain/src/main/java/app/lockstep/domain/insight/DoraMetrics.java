package app.lockstep.domain.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.Deployments;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * The four DORA metrics over a period, against the period of the same length before it,
 * for an organization's or a project's production environments, or for one environment.
 * <ul>
 * <li>Deployment frequency: successful deployments finished in the period (and per
 * day).</li>
 * <li>Lead time for changes: the median, over every commit a successful deployment
 * brought, of the time from the commit to that deployment's success.</li>
 * <li>Change failure rate: of the deployments finished in the period, those that failed
 * or that were followed within {@link #FOLLOW_UP} by an emergency deployment or by a
 * deployment of the version they replaced (a rollback or a redeploy of the previous
 * one).</li>
 * <li>Time to restore: the median time from a change failure to the next successful
 * deployment on that environment that is not one itself.</li>
 * </ul>
 * Days are read in the organization's time zone; the period is {@code [from, to]} whole
 * days.
 */
@UseCase
public final class DoraMetrics {

	/** How soon after a success an emergency or a rollback makes it a change failure. */
	public static final Duration FOLLOW_UP = Duration.ofHours(24);

	/** The longest period. */
	public static final int MAX_DAYS = 366;

	private final Projects projects;

	private final Deployments deployments;

	private final Artifacts artifacts;

	private final CodeChanges codeChanges;

	private final Transactions transactions;

	private final Clock clock;

	public DoraMetrics(Projects projects, Deployments deployments, Artifacts artifacts, CodeChanges codeChanges,
			Transactions transactions, Clock clock) {
		this.projects = projects;
		this.deployments = deployments;
		this.artifacts = artifacts;
		this.codeChanges = codeChanges;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The days of a period, both included. */
	public record Period(LocalDate from, LocalDate to) {

		public long days() {
			return ChronoUnit.DAYS.between(this.from, this.to) + 1;
		}

		public Period previous() {
			return new Period(this.from.minusDays(days()), this.from.minusDays(1));
		}

	}

	/**
	 * What was measured: the scope in words, the periods, the figures and the
	 * deployments.
	 */
	public record Report(String scope, Period period, DoraFigures current, DoraFigures previous,
			List<DoraDeployment> deployments, ZoneId zone) {
	}

	/**
	 * {@code project} and {@code environment} null: the organization's production; a
	 * project: its production environments; both: that environment. {@code from} and
	 * {@code to} null: the last 30 days.
	 */
	public Report report(Caller caller, @Nullable String projectSlug, @Nullable String environmentName,
			@Nullable LocalDate from, @Nullable LocalDate to) {
		caller.require(Permission.VIEW_PROJECTS);
		ZoneId zone = caller.organization().timeZone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusDays(29);
		Validation validation = new Validation();
		validation.check(!start.isAfter(end), "from", "The period starts after it ends.");
		validation.check(ChronoUnit.DAYS.between(start, end) < MAX_DAYS, "to",
				"Choose a period of " + MAX_DAYS + " days or fewer.");
		validation.check(environmentName == null || projectSlug != null, "environment",
				"Name the project of the environment.");
		validation.throwIfInvalid();
		Period period = new Period(start, end);
		OrgId org = caller.orgId();
		return this.transactions.inTenantLongRunning(org, () -> {
			Scope scope = scope(org, projectSlug, environmentName);
			Instant windowStart = period.previous().from().atStartOfDay(zone).toInstant();
			Instant windowEnd = end.plusDays(1).atStartOfDay(zone).toInstant();
			Instant readEnd = windowEnd.plus(FOLLOW_UP).isBefore(this.clock.instant()) ? windowEnd.plus(FOLLOW_UP)
					: this.clock.instant().plusSeconds(1);
			List<Deployment> all = this.deployments
				.requestedBetween(org, windowStart.minus(Duration.ofDays(30)), readEnd, scope.tier())
				.stream()
				.filter((d) -> scope.environments().containsKey(d.environmentId()))
				.toList();
			List<DoraDeployment> measured = measure(org, scope, all, windowStart, windowEnd);
			Instant currentStart = start.atStartOfDay(zone).toInstant();
			List<DoraDeployment> current = measured.stream()
				.filter((d) -> !d.finishedAt().isBefore(currentStart))
				.toList();
			List<DoraDeployment> previous = measured.stream()
				.filter((d) -> d.finishedAt().isBefore(currentStart))
				.toList();
			return new Report(scope.name(), period, figures(current, period.days()),
					figures(previous, period.previous().days()), current, zone);
		});
	}

	private record Scope(String name, @Nullable String tier, Map<EnvironmentId, Environment> environments,
			Map<ProjectId, Project> projects) {
	}

	private Scope scope(OrgId org, @Nullable String projectSlug, @Nullable String environmentName) {
		Map<EnvironmentId, Environment> environments = new HashMap<>();
		Map<ProjectId, Project> projects = new HashMap<>();
		for (ProjectWithEnvironments p : this.projects.listWithEnvironments(org)) {
			if (projectSlug != null && !p.project().slug().equals(projectSlug)) {
				continue;
			}
			projects.put(p.project().id(), p.project());
			for (Environment environment : p.environments()) {
				boolean wanted = (environmentName != null) ? environment.name().equals(environmentName)
						: environment.tier() == Tier.PRODUCTION;
				if (wanted) {
					environments.put(environment.id(), environment);
				}
			}
		}
		if (projectSlug != null && projects.isEmpty()) {
			throw new NotFoundException("No project \"" + projectSlug + "\".");
		}
		if (environmentName != null && environments.isEmpty()) {
			throw new NotFoundException("No environment \"" + environmentName + "\" in " + projectSlug + ".");
		}
		String name = (environmentName != null) ? projectSlug + "/" + environmentName
				: (projectSlug != null) ? projectSlug + "'s production" : "the organization's production";
		return new Scope(name, (environmentName != null) ? null : Tier.PRODUCTION.name(), environments, projects);
	}

	private List<DoraDeployment> measure(OrgId org, Scope scope, List<Deployment> all, Instant from, Instant to) {
		Map<EnvironmentId, List<Deployment>> byEnvironment = all.stream()
			.collect(Collectors.groupingBy(Deployment::environmentId));
		List<Deployment> finished = all.stream()
			.filter((d) -> d.finishedAt() != null && isFinished(d))
			.filter((d) -> inWindow(Objects.requireNonNull(d.finishedAt()), from, to))
			.sorted(Comparator.comparing((Deployment d) -> Objects.requireNonNull(d.finishedAt())))
			.toList();
		Set<ArtifactId> ids = new java.util.HashSet<>();
		for (Deployment d : all) {
			ids.add(d.artifactId());
			if (d.previousArtifactId() != null) {
				ids.add(d.previousArtifactId());
			}
		}
		Map<ArtifactId, Artifact> artifacts = this.artifacts.byIds(org, ids);
		List<Deployment> succeeded = finished.stream().filter((d) -> d.status() == DeploymentStatus.SUCCEEDED).toList();
		List<CodeChanges.Range> ranges = new ArrayList<>();
		for (Deployment d : succeeded) {
			Artifact to2 = artifacts.get(d.artifactId());
			Artifact from2 = (d.previousArtifactId() != null) ? artifacts.get(d.previousArtifactId()) : null;
			ranges.add(new CodeChanges.Range(d.projectId(), (from2 != null) ? from2.commitSha() : null,
					(to2 != null) ? to2.commitSha() : ""));
		}
		List<List<CodeChange>> commits = ranges.isEmpty() ? List.of() : this.codeChanges.commitsBetween(org, ranges);
		Map<Deployment, List<CodeChange>> brought = new HashMap<>();
		for (int i = 0; i < succeeded.size(); i++) {
			brought.put(succeeded.get(i), commits.get(i));
		}
		Map<Deployment, String> failures = new HashMap<>();
		for (Deployment d : finished) {
			String reason = failureReason(d, byEnvironment.getOrDefault(d.environmentId(), List.of()));
			if (reason != null) {
				failures.put(d, reason);
			}
		}
		List<DoraDeployment> measured = new ArrayList<>();
		for (Deployment d : finished) {
			Instant done = Objects.requireNonNull(d.finishedAt());
			List<CodeChange> its = brought.getOrDefault(d, List.of());
			List<Duration> leads = its.stream().map((c) -> Duration.between(c.committedAt(), done)).toList();
			Duration restore = failures.containsKey(d) ? restoreTime(d, finished, failures) : null;
			Environment environment = Objects.requireNonNull(scope.environments().get(d.environmentId()));
			Project project = scope.projects().get(d.projectId());
			Artifact artifact = artifacts.get(d.artifactId());
			measured.add(new DoraDeployment(d.id(), (project != null) ? project.slug() : "?", environment.name(),
					(artifact != null) ? artifact.version() : "?", done, d.status() == DeploymentStatus.SUCCEEDED,
					failures.containsKey(d), failures.get(d), its.size(), median(leads), restore));
		}
		return measured;
	}

	private static boolean inWindow(Instant at, Instant from, Instant to) {
		return !at.isBefore(from) && at.isBefore(to);
	}

	private static boolean isFinished(Deployment d) {
		return d.status() == DeploymentStatus.SUCCEEDED || d.status() == DeploymentStatus.FAILED;
	}

	/** Why a finished deployment was a change failure; null when it was not. */
	static @Nullable String failureReason(Deployment d, List<Deployment> sameEnvironment) {
		if (d.status() == DeploymentStatus.FAILED) {
			return "failed";
		}
		Instant done = Objects.requireNonNull(d.finishedAt());
		for (Deployment next : sameEnvironment) {
			if (!next.requestedAt().isAfter(done) || next.requestedAt().isAfter(done.plus(FOLLOW_UP))) {
				continue;
			}
			if (next.emergency()) {
				return "followed by an emergency deployment";
			}
			if (d.previousArtifactId() != null && next.artifactId().equals(d.previousArtifactId())
					&& !d.isConfigOnly()) {
				return "rolled back to the previous version";
			}
		}
		return null;
	}

	private static @Nullable Duration restoreTime(Deployment failure, List<Deployment> finished,
			Map<Deployment, String> failures) {
		Instant failed = Objects.requireNonNull(failure.finishedAt());
		for (Deployment next : finished) {
			if (next.environmentId().equals(failure.environmentId()) && next.status() == DeploymentStatus.SUCCEEDED
					&& !failures.containsKey(next) && Objects.requireNonNull(next.finishedAt()).isAfter(failed)) {
				return Duration.between(failed, next.finishedAt());
			}
		}
		return null;
	}

	static DoraFigures figures(List<DoraDeployment> deployments, long days) {
		int succeeded = (int) deployments.stream().filter(DoraDeployment::succeeded).count();
		List<Duration> leads = new ArrayList<>();
		deployments.stream()
			.filter((d) -> d.succeeded() && d.leadTime() != null)
			.forEach((d) -> leads.add(Objects.requireNonNull(d.leadTime())));
		int failures = (int) deployments.stream().filter(DoraDeployment::changeFailure).count();
		List<Duration> restores = deployments.stream()
			.map(DoraDeployment::timeToRestore)
			.filter(Objects::nonNull)
			.map(Objects::requireNonNull)
			.toList();
		return new DoraFigures(succeeded, (days > 0) ? (double) succeeded / days : 0, median(leads), deployments.size(),
				failures, median(restores));
	}

	/** The median; of an even count, the mean of the two middle ones. */
	static @Nullable Duration median(List<Duration> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Duration> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}

}
