package app.lockstep.domain.deploy;

import java.util.List;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * "Redeploy previous": a new request for the last successful (artifact, config revision)
 * pair before the live one, through the same gates as any other request.
 */
@UseCase
public final class RedeployPrevious {

	private final DeploymentPlaces places;

	private final Deployments deployments;

	private final KnownArtifacts artifacts;

	private final Transactions transactions;

	private final RequestDeployment request;

	public RedeployPrevious(DeploymentPlaces places, Deployments deployments, KnownArtifacts artifacts,
			Transactions transactions, RequestDeployment request) {
		this.places = places;
		this.deployments = deployments;
		this.artifacts = artifacts;
		this.transactions = transactions;
		this.request = request;
	}

	/** The deployment whose pair would be deployed again, if there is one. */
	public @Nullable Deployment previous(Caller caller, String projectSlug, String environmentName) {
		caller.require(Permission.VIEW_PROJECTS);
		return this.transactions.inTenant(caller.orgId(), () -> {
			DeploymentPlace place = this.places.place(caller.orgId(), projectSlug, environmentName);
			return previousOf(this.deployments.succeeded(caller.orgId(), place.environment().id(), 50));
		});
	}

	public Deployment redeploy(Caller caller, String projectSlug, String environmentName, @Nullable String whenBlocked,
			@Nullable String note) {
		caller.require(Permission.REQUEST_DEPLOYMENTS);
		Deployment previous = previous(caller, projectSlug, environmentName);
		if (previous == null) {
			throw new ValidationException("artifact", environmentName
					+ " has no earlier successful deployment to go back to (it needs two successful deployments).");
		}
		String version = this.transactions.inTenant(caller.orgId(),
				() -> this.artifacts.version(caller.orgId(), previous.artifactId()));
		String text = (note != null && !note.isBlank()) ? note : "Redeploy of the previous deployment (" + version
				+ ", config revision " + previous.configRevision() + ")";
		return this.request.request(caller, projectSlug, environmentName,
				new RequestDeployment.Input(version, previous.configRevision(), null, whenBlocked, text, false, null));
	}

	static @Nullable Deployment previousOf(List<Deployment> succeeded) {
		if (succeeded.isEmpty()) {
			return null;
		}
		Deployment live = succeeded.get(0);
		return succeeded.stream()
			.skip(1)
			.filter((d) -> !d.artifactId().equals(live.artifactId())
					|| !java.util.Objects.equals(d.configRevision(), live.configRevision()))
			.findFirst()
			.orElse(null);
	}

}
