package app.lockstep.domain.sso;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.OrgId;

/** Organizations' single sign-on providers and email domains. */
public interface SsoSettings {

	/** The organization's provider (a unit of work bound to it). */
	Optional<SsoProvider> provider(OrgId org);

	/**
	 * The provider registered under this id (a unit of work bound to it through
	 * {@code Transactions.forSsoLookup}).
	 */
	Optional<SsoProvider> providerByRegistrationId(String registrationId);

	/**
	 * The provider of the organization that verified this domain (a unit of work bound to
	 * the domain through {@code Transactions.forSsoLookup}).
	 */
	Optional<SsoProvider> providerByVerifiedDomain(String domain);

	/** Inserts or replaces the organization's provider. */
	void save(SsoProvider provider);

	/** The organization's domains, by name. */
	List<SsoDomain> domains(OrgId org);

	/**
	 * Adds a domain; one the organization already has is a
	 * {@link app.lockstep.domain.shared.ConflictException} on "domain".
	 */
	void addDomain(OrgId org, SsoDomain domain);

	/**
	 * Marks the domain verified; a domain another organization verified first is a
	 * {@link app.lockstep.domain.shared.ConflictException} on "domain".
	 */
	void markVerified(OrgId org, String domain, Instant at);

	/** Removes the domain; whether it was there. */
	boolean removeDomain(OrgId org, String domain);

}
