package app.lockstep.domain.deploy;

import java.util.List;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * "What changed between these two deployments" of one environment: the commits between
 * their artifacts and the config diff between their revisions, on one page. Anyone who
 * sees the project may ask.
 * <ul>
 * <li>When {@code to}'s artifact is older than {@code from}'s, going from one to the
 * other is a rollback: the commits listed are the ones it takes away.</li>
 * <li>Both deployments must belong to the environment (else 404) and differ (else
 * 422).</li>
 * </ul>
 */
@UseCase
public final class CompareDeployments {

	/** How many of the environment's deployments the pickers offer, newest first. */
	public static final int CHOICES = 200;

	/** How many commits the comparison lists (the rest are counted). */
	public static final int COMMITS_SHOWN = 200;

	private final DeploymentPlaces places;

	private final Deployments deployments;

	private final Artifacts artifacts;

	private final KnownArtifacts knownArtifacts;

	private final CodeChanges codeChanges;

	private final ViewConfig viewConfig;

	private final Transactions transactions;

	public CompareDeployments(DeploymentPlaces places, Deployments deployments, Artifacts artifacts,
			KnownArtifacts knownArtifacts, CodeChanges codeChanges, ViewConfig viewConfig, Transactions transactions) {
		this.places = places;
		this.deployments = deployments;
		this.artifacts = artifacts;
		this.knownArtifacts = knownArtifacts;
		this.codeChanges = codeChanges;
		this.viewConfig = viewConfig;
		this.transactions = transactions;
	}

	/** The environment and the deployments one may pick, newest first. */
	public record Choices(DeploymentPlace place, List<ViewDeployments.Summary> deployments) {
	}

	/** How the code of {@code to} relates to that of {@code from}. */
	public enum Direction {

		/** The same artifact commit: no code changed. */
		SAME,
		/** {@code to} is newer: the commits are what it adds. */
		FORWARD,
		/** {@code to} is older: the commits are what going to it takes away. */
		ROLLBACK

	}

	public record Comparison(DeploymentPlace place, ViewDeployments.Summary from, ViewDeployments.Summary to,
			@Nullable Artifact fromArtifact, @Nullable Artifact toArtifact, Direction direction,
			List<CodeChange> commits, int commitCount, ViewConfig.@Nullable Diff configDiff, String configNote) {

		public Comparison {
			commits = List.copyOf(commits);
		}

	}

	public Choices choices(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			return new Choices(place, this.deployments.ofEnvironment(org, place.environment().id(), null, CHOICES)
				.stream()
				.map((d) -> new ViewDeployments.Summary(d, place, this.knownArtifacts.version(org, d.artifactId())))
				.toList());
		});
	}

	public Comparison compare(Caller caller, String projectSlug, String environmentName, DeploymentId fromId,
			DeploymentId toId) {
		caller.require(Permission.VIEW_PROJECTS);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			DeploymentPlace place = this.places.place(org, projectSlug, environmentName);
			Deployment from = this.places.find(org, place, fromId);
			Deployment to = this.places.find(org, place, toId);
			if (from.id().equals(to.id())) {
				throw new ValidationException("to", "Pick two different deployments to compare.");
			}
			Artifact fromArtifact = this.artifacts.byId(org, from.artifactId()).orElse(null);
			Artifact toArtifact = this.artifacts.byId(org, to.artifactId()).orElse(null);
			Direction direction = Direction.FORWARD;
			List<CodeChange> commits = List.of();
			if (fromArtifact != null && toArtifact != null) {
				if (fromArtifact.commitSha().equalsIgnoreCase(toArtifact.commitSha())) {
					direction = Direction.SAME;
				}
				else {
					commits = this.codeChanges.commitsBetween(org, place.project().id(), fromArtifact.commitSha(),
							toArtifact.commitSha());
					if (commits.isEmpty()) {
						List<CodeChange> undone = this.codeChanges.commitsBetween(org, place.project().id(),
								toArtifact.commitSha(), fromArtifact.commitSha());
						if (!undone.isEmpty()) {
							direction = Direction.ROLLBACK;
							commits = undone;
						}
					}
				}
			}
			ViewConfig.Diff diff = null;
			String note;
			Integer a = from.configRevision();
			Integer b = to.configRevision();
			if (a == null || b == null) {
				note = (a == null && b == null) ? "Neither deployment had a config."
						: "Only one of them had a config (revision " + ((a != null) ? a : b) + ").";
			}
			else if (a.equals(b)) {
				note = "Both deployed config revision " + a + ": the config did not change.";
			}
			else {
				try {
					diff = this.viewConfig.diff(caller, place.projectSlug(), place.environmentName(), a, b);
					note = "Revision " + a + " → " + b + ": " + diff.summary().text();
				}
				catch (NotFoundException ex) {
					note = ex.getMessage();
				}
			}
			return new Comparison(place, summary(org, place, from), summary(org, place, to), fromArtifact, toArtifact,
					direction, commits.subList(0, Math.min(commits.size(), COMMITS_SHOWN)), commits.size(), diff, note);
		});
	}

	private ViewDeployments.Summary summary(OrgId org, DeploymentPlace place, Deployment deployment) {
		return new ViewDeployments.Summary(deployment, place,
				this.knownArtifacts.version(org, deployment.artifactId()));
	}

}
