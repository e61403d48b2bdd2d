package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.sso.SsoDomain;
import app.lockstep.domain.sso.SsoProvider;
import app.lockstep.domain.sso.SsoSettings;

/**
 * Single sign-on settings as {@code JooqSsoSettings} keeps them: one provider per
 * organization, domains unique per organization, a domain verified by one organization at
 * most.
 */
public final class InMemorySsoSettings implements SsoSettings {

	private final Map<OrgId, SsoProvider> providers = new HashMap<>();

	private final Map<OrgId, List<SsoDomain>> domains = new HashMap<>();

	@Override
	public Optional<SsoProvider> provider(OrgId org) {
		return Optional.ofNullable(this.providers.get(org));
	}

	@Override
	public Optional<SsoProvider> providerByRegistrationId(String registrationId) {
		return this.providers.values().stream().filter((p) -> p.registrationId().equals(registrationId)).findFirst();
	}

	@Override
	public Optional<SsoProvider> providerByVerifiedDomain(String domain) {
		return this.domains.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().stream().anyMatch((d) -> d.verified() && d.domain().equals(domain)))
			.map((entry) -> this.providers.get(entry.getKey()))
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	@Override
	public void save(SsoProvider provider) {
		this.providers.put(provider.org(), provider);
	}

	@Override
	public List<SsoDomain> domains(OrgId org) {
		return this.domains.getOrDefault(org, List.of())
			.stream()
			.sorted(Comparator.comparing(SsoDomain::domain))
			.toList();
	}

	@Override
	public void addDomain(OrgId org, SsoDomain domain) {
		List<SsoDomain> list = this.domains.computeIfAbsent(org, (o) -> new ArrayList<>());
		if (list.stream().anyMatch((d) -> d.domain().equals(domain.domain()))) {
			throw new ConflictException("domain", "This organization already has " + domain.domain() + ".");
		}
		list.add(domain);
	}

	@Override
	public void markVerified(OrgId org, String domain, Instant at) {
		boolean elsewhere = this.domains.entrySet()
			.stream()
			.anyMatch((entry) -> !entry.getKey().equals(org)
					&& entry.getValue().stream().anyMatch((d) -> d.verified() && d.domain().equals(domain)));
		if (elsewhere) {
			throw new ConflictException("domain", "Another organization has already verified " + domain
					+ " for its single sign-on; a domain can belong to one organization only.");
		}
		List<SsoDomain> list = this.domains.getOrDefault(org, new ArrayList<>());
		list.replaceAll((d) -> (d.domain().equals(domain) && !d.verified())
				? new SsoDomain(d.domain(), d.verificationToken(), d.addedAt(), at) : d);
	}

	@Override
	public boolean removeDomain(OrgId org, String domain) {
		return this.domains.getOrDefault(org, new ArrayList<>()).removeIf((d) -> d.domain().equals(domain));
	}

}
