package app.lockstep.web.sso;

import java.util.regex.Pattern;

import app.lockstep.domain.sso.SignInWithSso;
import app.lockstep.web.shared.PublicUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 client's registrations, one per organization with single sign-on, read from
 * the database: the registration id is the organization's slug; the provider's endpoints
 * come from its discovery document ({@link DiscoveredProviders}); the redirect URI is on
 * the public URL, never on the request's host.
 */
@Component
class SsoClientRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(SsoClientRegistrations.class);

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	static final String CALLBACK = "/login/oauth2/code/";

	private final SignInWithSso signIn;

	private final DiscoveredProviders providers;

	private final PublicUrl publicUrl;

	SsoClientRegistrations(SignInWithSso signIn, DiscoveredProviders providers, PublicUrl publicUrl) {
		this.signIn = signIn;
		this.providers = providers;
		this.publicUrl = publicUrl;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (registrationId.length() > 40 || !SLUG.matcher(registrationId).matches()) {
			return null;
		}
		SignInWithSso.Client client = this.signIn.client(registrationId).orElse(null);
		if (client == null) {
			return null;
		}
		ClientRegistration template;
		try {
			template = this.providers.template(client.issuer());
		}
		catch (RuntimeException ex) {
			log.warn("Single sign-on of {} is unavailable: discovery of its issuer failed: {}", registrationId,
					ex.toString());
			return null;
		}
		return ClientRegistration.withClientRegistration(template)
			.registrationId(registrationId)
			.clientId(client.clientId())
			.clientSecret(client.clientSecret())
			.clientName(client.issuer())
			.redirectUri(this.publicUrl.of(CALLBACK + registrationId))
			.scope("openid", "email", "profile")
			.build();
	}

}
