package app.lockstep.domain.sso;

import java.util.List;
import java.util.Optional;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

/** The organization's single sign-on settings, for its owners. */
@UseCase
public final class ReadSso {

	private final SsoSettings settings;

	private final Transactions transactions;

	public ReadSso(SsoSettings settings, Transactions transactions) {
		this.settings = settings;
		this.transactions = transactions;
	}

	/** The provider (its secret stays sealed) and the domains. */
	public record View(Optional<SsoProvider> provider, List<SsoDomain> domains) {

		public View {
			domains = List.copyOf(domains);
		}

	}

	public View read(Caller caller) {
		caller.require(Permission.MANAGE_SETTINGS);
		return this.transactions.inTenant(caller.orgId(),
				() -> new View(this.settings.provider(caller.orgId()), this.settings.domains(caller.orgId())));
	}

}
