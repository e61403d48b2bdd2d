package app.lockstep.domain.sso;

import java.time.Instant;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.OrgId;

/**
 * An organization's OpenID Connect provider: its issuer (discovered through
 * {@code /.well-known/openid-configuration}), the client Lockstep is registered as, its
 * secret sealed at rest, and the role people joining through it get. The registration id
 * is the organization's slug (slugs never change), so the redirect URI registered with
 * the provider is {@code /login/oauth2/code/{slug}}.
 */
public record SsoProvider(OrgId org, String registrationId, String issuer, String clientId, SealedSecret secret,
		Role defaultRole, Instant updatedAt, String updatedBy) {

}
