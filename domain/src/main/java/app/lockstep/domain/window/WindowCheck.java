package app.lockstep.domain.window;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/**
 * The query other features (deployments) ask: may this environment be deployed at this
 * instant, and if not, why and when next? It checks no permission: the use case calling
 * it has. It runs in the caller's transaction when there is one (bound to the same
 * organization), else in its own.
 * <ul>
 * <li>An environment with saved rules uses them; one without uses
 * {@link WindowRules#defaultFor}: "No Friday deploys" in its time zone for production,
 * open at any time for the other tiers.</li>
 * <li>The organization's freezes apply to production environments only.</li>
 * <li>The organization's windows replace a production environment's where they apply:
 * always when they may not be overridden, else when the environment has none saved.</li>
 * </ul>
 */
@UseCase
public final class WindowCheck {

	private final DeploymentWindows windows;

	private final Transactions transactions;

	public WindowCheck(DeploymentWindows windows, Transactions transactions) {
		this.windows = windows;
		this.transactions = transactions;
	}

	/** The decision for the environment at {@code at}. */
	public WindowDecision check(OrgId org, Environment environment, Instant at) {
		return effective(org, environment).evaluate(at);
	}

	/** The rules that apply to the environment. */
	public EffectiveWindows effective(OrgId org, Environment environment) {
		return java.util.Objects.requireNonNull(effective(org, java.util.List.of(environment)).get(environment.id()));
	}

	/**
	 * The rules that apply to each of these environments, keyed by environment: the same
	 * as {@link #effective(OrgId, Environment)} for each, read in two queries (the saved
	 * rules of all of them, and the organization's freezes once) instead of two per
	 * environment.
	 */
	public Map<EnvironmentId, EffectiveWindows> effective(OrgId org, Collection<Environment> environments) {
		return this.transactions.inTenant(org, () -> {
			Map<EnvironmentId, EffectiveWindows> all = new LinkedHashMap<>();
			if (environments.isEmpty()) {
				return all;
			}
			List<Freeze> organizationFreezes = environments.stream().anyMatch((e) -> e.tier() == Tier.PRODUCTION)
					? this.windows.organizationFreezes(org).stream().map(OrganizationFreeze::freeze).toList()
					: List.of();
			Map<EnvironmentId, SavedWindows> saved = this.windows.findAll(org,
					environments.stream().map(Environment::id).toList());
			OrganizationWindows organization = environments.stream().anyMatch((e) -> e.tier() == Tier.PRODUCTION)
					? this.windows.organizationWindows(org).orElse(null) : null;
			for (Environment environment : environments) {
				List<Freeze> freezes = (environment.tier() == Tier.PRODUCTION) ? organizationFreezes : List.of();
				SavedWindows rules = saved.get(environment.id());
				EffectiveWindows own = (rules != null)
						? new EffectiveWindows(rules.rules(), false, freezes, rules.updatedAt(), rules.updatedBy())
						: new EffectiveWindows(WindowRules.defaultFor(environment.tier(), environment.timeZone()), true,
								freezes, null, null);
				all.put(environment.id(), EffectiveWindows.resolve(own,
						(organization != null && organization.appliesTo(environment)) ? organization : null));
			}
			return all;
		});
	}

}
