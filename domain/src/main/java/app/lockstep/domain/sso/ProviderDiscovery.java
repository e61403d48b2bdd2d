package app.lockstep.domain.sso;

import java.util.Optional;

/**
 * Whether an issuer answers as an OpenID Connect provider (its discovery document names
 * itself as that issuer). Checked before an issuer is saved, so a typo is refused beside
 * its field instead of failing the next sign-in.
 */
public interface ProviderDiscovery {

	/** What is wrong with the issuer, in words for its owner; empty when it answers. */
	Optional<String> problemWith(String issuer);

}
