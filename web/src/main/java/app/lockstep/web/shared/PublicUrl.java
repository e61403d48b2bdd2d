package app.lockstep.web.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people and machines reach Lockstep at ({@code lockstep.public-url}, such as
 * {@code https://lockstep.example.com}): every absolute link and redirect is built on it
 * (see {@link PublicUrlFilter}), never on the request's {@code Host} header, which anyone
 * can set. When it is not configured, it is {@code http://localhost:<port>}, so a local
 * run works and a forgotten setting shows in every link instead of letting a forged
 * {@code Host} through.
 */
@Component
public class PublicUrl {

	private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

	private final @Nullable URI configured;

	private volatile URI base;

	PublicUrl(@Value("${lockstep.public-url:}") String configured, @Value("${server.port:8080}") String port,
			@Value("${lockstep.demo:false}") boolean demo) {
		this.configured = configured.isBlank() ? null : parse(configured.strip());
		this.base = (this.configured != null) ? this.configured : localhost(parsePort(port));
		if (this.configured == null && !demo) {
			log.warn("lockstep.public-url is not set: links in invitations, hook URLs, redirects and deployer "
					+ "deliveries point to {}. Set it to the address people reach Lockstep at.", this.base);
		}
	}

	/** The scheme, host and port, without a trailing slash. */
	public URI base() {
		return this.base;
	}

	/** The absolute URL of a path on this server (the path starts with a slash). */
	public String of(String path) {
		return this.base + path;
	}

	public URI uri(String path) {
		return URI.create(of(path));
	}

	/** Unconfigured: the port the server really listens on (a random one in tests). */
	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if (this.configured == null && !"management".equals(event.getApplicationContext().getServerNamespace())) {
			this.base = localhost(event.getWebServer().getPort());
		}
	}

	private static URI localhost(int port) {
		return URI.create("http://localhost" + ((port == 80 || port <= 0) ? "" : ":" + port));
	}

	private static int parsePort(String port) {
		try {
			return Integer.parseInt(port.strip());
		}
		catch (NumberFormatException ex) {
			return 8080;
		}
	}

	static URI parse(String value) {
		try {
			URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
					|| uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new IllegalArgumentException("lockstep.public-url must be an http(s) address without a path, "
						+ "such as https://lockstep.example.com, not \"" + value + "\"");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("lockstep.public-url is not an address: \"" + value + "\"", ex);
		}
	}

}
