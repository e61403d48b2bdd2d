package app.lockstep.web.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.lockstep.domain.sso.ProviderDiscovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect discovery ({@link ClientRegistrations#fromIssuerLocation}) of an
 * issuer's endpoints and keys, kept for an hour per issuer so a sign-in does not fetch
 * the discovery document twice (the redirect and the callback each need it). A failed
 * discovery is not kept. The fetch is given 10 seconds.
 */
@Component
class DiscoveredProviders implements ProviderDiscovery {

	private static final Logger log = LoggerFactory.getLogger(DiscoveredProviders.class);

	static final Duration KEPT_FOR = Duration.ofHours(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Discovered> byIssuer = new ConcurrentHashMap<>();

	private final Clock clock;

	DiscoveredProviders(Clock clock) {
		this.clock = clock;
	}

	private record Discovered(ClientRegistration template, Instant at) {
	}

	/**
	 * The issuer's provider details in a registration without a client: copy it and set
	 * the client.
	 */
	ClientRegistration template(String issuer) {
		Instant now = this.clock.instant();
		Discovered kept = this.byIssuer.get(issuer);
		if (kept != null && kept.at().plus(KEPT_FOR).isAfter(now) && !kept.at().isAfter(now)) {
			return kept.template();
		}
		ClientRegistration template = discover(issuer);
		this.byIssuer.put(issuer, new Discovered(template, now));
		return template;
	}

	@Override
	public Optional<String> problemWith(String issuer) {
		try {
			template(issuer);
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			log.info("OpenID Connect discovery of {} failed: {}", issuer, ex.toString());
			return Optional.of("Lockstep could not read the OpenID Connect discovery document at " + issuer
					+ "/.well-known/openid-configuration. Check the issuer URL (it must match the document's "
					+ "\"issuer\" exactly) and that Lockstep can reach it.");
		}
	}

	private static ClientRegistration discover(String issuer) {
		CompletableFuture<ClientRegistration> discovery = CompletableFuture
			.supplyAsync(() -> ClientRegistrations.fromIssuerLocation(issuer)
				.registrationId("discovered")
				.clientId("discovered")
				.build());
		try {
			return discovery.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while discovering " + issuer, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Discovery of " + issuer + " failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			discovery.cancel(true);
			throw new IllegalStateException("Discovery of " + issuer + " took longer than " + TIMEOUT, ex);
		}
	}

}
