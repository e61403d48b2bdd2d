package app.lockstep.web.project;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.SessionCache;
import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the project tests share: unique slugs (the demo data is shared by every test in
 * the JVM, so mutating tests work on projects of their own), a project with the usual
 * three environments, reading a project back through the API, and the audit trail.
 */
public final class ProjectTestSupport {

	public static final String OWNER = "owner@acme.test";

	public static final String LEAD = "lead@acme.test";

	public static final String DEVELOPER = "dev@acme.test";

	public static final String VIEWER = "viewer@acme.test";

	public static final String AUDITOR = "auditor@acme.test";

	public static final String GLOBEX_OWNER = "owner@globex.test";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static volatile SessionCache sessions;

	private ProjectTestSupport() {
	}

	/** One login per account for the whole test JVM. */
	public static MockHttpSession session(MockMvc mvc, String email) {
		SessionCache cache = sessions;
		if (cache == null) {
			synchronized (ProjectTestSupport.class) {
				if (sessions == null) {
					sessions = new SessionCache(mvc);
				}
				cache = sessions;
			}
		}
		return cache.sessionOf(email);
	}

	private static final java.util.regex.Pattern SHOW_MORE = java.util.regex.Pattern
		.compile("id=\"board-show-more\"\\s+href=\"([^\"]+)\"");

	/**
	 * The release board's page that shows this project's row, reached as a person would:
	 * from the first page, following "Show the next projects" (the demo organization
	 * holds more projects than a page once many tests have added theirs).
	 */
	public static String boardPageWith(MockMvc mvc, MockHttpSession session, String orgSlug, String slug)
			throws Exception {
		String path = "/orgs/" + orgSlug;
		while (true) {
			String html = mvc.perform(get(path).session(session))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (html.contains("data-project=\"" + slug + "\"")) {
				return html;
			}
			java.util.regex.Matcher next = SHOW_MORE.matcher(html);
			if (!next.find()) {
				throw new AssertionError("No page of the board of " + orgSlug + " shows " + slug);
			}
			path = next.group(1).replace("&amp;", "&");
		}
	}

	/** A new organization of its own (not acme), its owner's email and password. */
	public record OwnOrganization(String slug, String email, String password) {
	}

	/**
	 * A new organization whose owner has {@code count} projects without environments,
	 * p01, p02, … named "Project 01", …: more than a page of the board when over 25.
	 */
	public static OwnOrganization organizationWithProjects(org.springframework.context.ApplicationContext context,
			String prefix, int count) {
		String id = java.util.UUID.randomUUID().toString().substring(0, 8);
		OwnOrganization own = new OwnOrganization(prefix + "-" + id, prefix + "-" + id + "@example.test",
				"own-organization-password");
		var signedUp = context.getBean(app.lockstep.domain.tenancy.SignUp.class)
			.signUp(new app.lockstep.domain.tenancy.SignUp.Command(own.email(), "Olive Owner", own.password(),
					"Own " + id, own.slug(), "UTC", "127.0.0.1"));
		Caller owner = new Caller(signedUp.organization(), signedUp.user(), "Olive Owner",
				app.lockstep.domain.access.Role.OWNER, "127.0.0.1");
		var createProject = context.getBean(app.lockstep.domain.project.CreateProject.class);
		for (int i = 1; i <= count; i++) {
			createProject.create(owner, new app.lockstep.domain.project.ProjectInput("p%02d".formatted(i),
					"Project %02d".formatted(i), null, null));
		}
		return own;
	}

	/** A fresh login, for a test that needs a session no other test uses. */
	public static MockHttpSession sessionOfItsOwn(MockMvc mvc, String email) {
		return new SessionCache(mvc).login(email);
	}

	public static String uniqueSlug(String prefix) {
		return prefix + "-" + COUNTER.incrementAndGet() + "-"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)).toLowerCase(Locale.ROOT);
	}

	/**
	 * Creates a project of the owner's in acme with development, staging and production
	 * (through the API), and returns its slug.
	 */
	public static String projectWithEnvironments(MockMvc mvc, String prefix) throws Exception {
		String slug = uniqueSlug(prefix);
		MockHttpSession owner = session(mvc, OWNER);
		expectCreated(mvc
			.perform(post("/api/v1/orgs/acme/projects").session(owner)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slug\":\"" + slug + "\",\"name\":\"Test " + slug
						+ "\",\"repositoryUrl\":\"https://git.example.com/acme/" + slug + ".git\"}"))
			.andReturn());
		for (String[] environment : List.of(new String[] { "development", "DEVELOPMENT", "develop" },
				new String[] { "staging", "STAGING", "main" },
				new String[] { "production", "PRODUCTION", "release/*" })) {
			expectCreated(mvc
				.perform(post("/api/v1/orgs/acme/projects/" + slug + "/environments").session(owner)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + environment[0] + "\",\"tier\":\"" + environment[1]
							+ "\",\"branchPattern\":\"" + environment[2] + "\"}"))
				.andReturn());
		}
		return slug;
	}

	private static void expectCreated(MvcResult result) throws Exception {
		if (result.getResponse().getStatus() != 201) {
			throw new IllegalStateException("Expected 201, got " + result.getResponse().getStatus() + ": "
					+ result.getResponse().getContentAsString());
		}
	}

	/** The project as the API returns it to the owner, or null when it does not exist. */
	public static String projectJson(MockMvc mvc, String slug) throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/orgs/acme/projects/" + slug).session(session(mvc, OWNER)))
			.andReturn();
		return (result.getResponse().getStatus() == 404) ? null : result.getResponse().getContentAsString();
	}

	public static boolean projectExists(MockMvc mvc, String slug) throws Exception {
		return projectJson(mvc, slug) != null;
	}

	public static List<String> environmentNames(MockMvc mvc, String slug) throws Exception {
		return JsonPath.read(projectJson(mvc, slug), "$.environments[*].name");
	}

	public static List<Integer> positions(MockMvc mvc, String slug) throws Exception {
		return JsonPath.read(projectJson(mvc, slug), "$.environments[*].position");
	}

	/** A {@link Caller} for a demo account in an organization, for the use cases. */
	public static Caller caller(Users users, ResolveMembership resolveMembership, Transactions transactions,
			String email, String org) {
		User user = transactions.global(() -> users.findByEmail(email)).orElseThrow();
		Membership membership = resolveMembership.in(user.id(), org).orElseThrow();
		return new Caller(membership.organization(), user.id(), user.name(), membership.role(), null);
	}

	/** The newest audit events of acme that concern this project and have this action. */
	public static List<AuditEvent> auditEvents(ReadAuditLog readAuditLog, Caller owner, String action,
			String projectSlug) {
		return readAuditLog.read(owner, null, ReadAuditLog.MAX_PAGE)
			.events()
			.stream()
			.filter((event) -> event.action().equals(action) && projectSlug.equals(event.projectSlug()))
			.toList();
	}

}
