package app.lockstep.web.shared;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How large a request body each address accepts, sized to what it is for. A body past its
 * limit is refused with 413 before it is buffered: at once when its Content-Length says
 * so, else as soon as the stream crosses the limit (see {@link RequestInputFilter}). The
 * README's "Request limits" section lists these numbers; change both together.
 */
public final class RequestLimits {

	private static final long KIB = 1024;

	private static final long MIB = 1024 * KIB;

	/**
	 * Push webhooks: GitHub and GitLab list at most 2,048 and 20 commits, each with its
	 * changed files.
	 */
	public static final long WEBHOOK = 5 * MIB;

	/** The code-changes API: the same commits as a webhook, sent by CI. */
	public static final long CODE_CHANGES = 5 * MIB;

	/**
	 * An environment's config (API PUT and the editor's form): a 64 KiB spec and up to
	 * 500 variables, with room for JSON escaping.
	 */
	public static final long CONFIG = 2 * MIB;

	/**
	 * Importing a spec: a pasted or uploaded .upsun/config.yaml, or the files of a
	 * Platform.sh project, each at most a 64 KiB spec (multipart, this address only).
	 */
	public static final long IMPORT = 1 * MIB;

	/** Signing in, signing up and accepting an invitation. */
	public static final long SIGN_IN = 16 * KIB;

	/** Any other JSON body of the API (projects, tokens, windows, deployments, ...). */
	public static final long API = 64 * KIB;

	/** Any other form (windows with 50 rows each are the largest, under 16 KiB). */
	public static final long FORM = 64 * KIB;

	/**
	 * The most Tomcat parses as a form when the size is not declared up front (a chunked
	 * form): the largest form limit.
	 */
	public static final long MAX_FORM = CONFIG;

	/**
	 * The longest address (path and query string) accepted; Tomcat reads request lines
	 * and headers up to 16 KiB so that a longer address still gets a proper 414.
	 */
	public static final int ADDRESS = 8 * 1024;

	private static final List<Rule> RULES = List.of(rule("/api/v1/hooks/**", WEBHOOK),
			rule("/api/v1/orgs/*/projects/*/code-changes", CODE_CHANGES),
			rule("/api/v1/orgs/*/projects/*/config", CONFIG),
			rule("/api/v1/orgs/*/projects/*/environments/*/config", CONFIG), rule("/orgs/*/projects/*/config", CONFIG),
			rule("/orgs/*/projects/*/environments/*/config", CONFIG),
			rule("/orgs/*/projects/*/environments/*/config/validate", CONFIG),
			rule("/orgs/*/projects/*/environments/*/config/import", IMPORT), rule("/login", SIGN_IN),
			rule("/login/code", SIGN_IN), rule("/signup", SIGN_IN), rule("/invitations/*/signup", SIGN_IN),
			rule("/api/**", API));

	private RequestLimits() {
	}

	/** The limit of the address the request is sent to. */
	public static long of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return of(path);
	}

	static long of(String path) {
		PathContainer container;
		try {
			container = PathContainer.parsePath(path);
		}
		catch (IllegalArgumentException ex) {
			return FORM;
		}
		for (Rule rule : RULES) {
			if (rule.pattern().matches(container)) {
				return rule.limit();
			}
		}
		return FORM;
	}

	/** A limit in words: "64 KiB", "5 MiB". */
	public static String describe(long bytes) {
		if (bytes >= MIB && bytes % MIB == 0) {
			return (bytes / MIB) + " MiB";
		}
		if (bytes >= KIB && bytes % KIB == 0) {
			return (bytes / KIB) + " KiB";
		}
		return String.format(Locale.ROOT, "%d bytes", bytes);
	}

	private static Rule rule(String pattern, long limit) {
		return new Rule(PathPatternParser.defaultInstance.parse(pattern), limit);
	}

	private record Rule(PathPattern pattern, long limit) {
	}

}
