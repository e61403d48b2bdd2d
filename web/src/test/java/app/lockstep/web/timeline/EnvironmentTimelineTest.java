package app.lockstep.web.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.timeline.EnvironmentTimeline;
import app.lockstep.domain.timeline.TimelineCursor;
import app.lockstep.domain.timeline.TimelineEntry;
import app.lockstep.domain.timeline.TimelineKind;
import app.lockstep.domain.window.UpdateDeploymentWindows;
import app.lockstep.domain.window.WindowRulesInput;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.GLOBEX_OWNER;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The environment timeline: code pushed to the environment's branch, config revisions,
 * windows, deployment events (known and not yet known) and freezes in one stream newest
 * first; the kind filters; branch patterns; "Load older" with and without htmx (and the
 * keyset across sources that share an instant); who may read it.
 */
@LockstepTest
class EnvironmentTimelineTest {

	/** Monday 23 November 2026, 10:00 in Paris. */
	static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

	static final Pattern ENTRY_ID = Pattern.compile("class=\"timeline-entry[^\"]*\" id=\"([^\"]+)\"");

	static final Pattern MORE = Pattern.compile("id=\"timeline-more\"[^>]*>\\s*<a [^>]*href=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	IngestCodeChanges ingest;

	@Autowired
	SaveConfigRevision saveConfig;

	@Autowired
	UpdateDeploymentWindows updateWindows;

	@Autowired
	EnvironmentTimeline timeline;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Transactions transactions;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	String project;

	boolean hold;

	@BeforeEach
	void aProjectOfItsOwn() throws Exception {
		this.clock.pin(START);
		this.project = ProjectTestSupport.projectWithEnvironments(this.mvc, "timeline");
	}

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void codeConfigWindowsAndDeploymentsShowNewestFirstWithTheirLinks() throws Exception {
		String main = push("main", "Add the checkout page\n\nLonger body");
		push("feature/search", "WIP search");
		saveConfig("staging", ConfigFixtures.SPEC, "First config", null);
		saveConfig("staging", ConfigFixtures.SPEC.replace("php:8.3", "php:8.4"), "Bump PHP", 1);
		tick();
		this.updateWindows.update(owner(), this.project, "staging",
				new WindowRulesInput("Europe/Paris", List
					.of(new WindowRulesInput.BlockInput("No Friday deploys", List.of("FRIDAY"), "00:00", "24:00")),
						List.of(), List.of()));
		String deployment = UUID.randomUUID().toString();
		deploymentEvent("staging", "deployment.requested", deployment,
				Map.of("artifact", "1.4.2", "configRevision", 2, "emergency", false));
		deploymentEvent("staging", "deployment.approved", deployment,
				Map.of("artifact", "1.4.2", "comment", "Looks good"));
		deploymentEvent("staging", "deployment.teleported", deployment, Map.of());
		deploymentEvent("production", "deployment.requested", UUID.randomUUID().toString(),
				Map.of("artifact", "9.9.9"));

		this.mvc.perform(get(timeline("staging")).session(session(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					stringContainsInOrder("Deployment teleported", "Deployment of 1.4.2 approved", "Looks good",
							"Deployment of 1.4.2 requested", "Config revision 2", "Deployment windows changed",
							"Blocks: none → No Friday deploys", "Config revision 2 saved", "Bump PHP",
							"Config revision 1 saved", "First config", "Add the checkout page",
							main.substring(0, 7) + " on main by Dana", "Environment created"),
					containsString("href=\"/orgs/acme/projects/" + this.project
							+ "/environments/staging/config/diff?from=1&amp;to=2\""),
					containsString("href=\"/orgs/acme/projects/" + this.project
							+ "/environments/staging/config/revisions/1\""),
					containsString("href=\"/orgs/acme/projects/" + this.project + "/environments/staging/deployments/"
							+ deployment + "\""),
					containsString("href=\"https://git.example.com/acme/shop/commit/" + main + "\""),
					not(containsString("WIP search")), not(containsString("9.9.9")), not(containsString("Longer body")),
					not(containsString("style=")), containsString("id=\"kind-config\""))));
	}

	@Test
	void theKindFiltersNarrowTheStream() throws Exception {
		push("main", "Add the checkout page");
		saveConfig("staging", ConfigFixtures.SPEC, "First config", null);
		String deployment = UUID.randomUUID().toString();
		deploymentEvent("staging", "deployment.requested", deployment, Map.of("artifact", "1.4.2"));
		deploymentEvent("staging", "deployment.rejected", deployment,
				Map.of("artifact", "1.4.2", "comment", "Not on a Monday"));

		this.mvc.perform(get(timeline("staging") + "?kind=code").session(session(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Add the checkout page"), not(containsString("First config")),
							not(containsString("Deployment of")), not(containsString("Environment created")))));
		this.mvc.perform(get(timeline("staging") + "?kind=config&kind=approval").session(session(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(
							stringContainsInOrder("Deployment of 1.4.2 rejected", "Not on a Monday",
									"Config revision 1 saved"),
							not(containsString("Deployment of 1.4.2 requested")),
							not(containsString("Add the checkout page")))));
		this.mvc.perform(get(timeline("staging") + "?kind=deployment").session(session(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Deployment of 1.4.2 requested"),
					not(containsString("rejected")), not(containsString("First config")))));
		this.mvc.perform(get(timeline("staging") + "?kind=gossip").session(session(VIEWER)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is not a kind of entry")));
	}

	@Test
	void commitsShowWhereTheBranchPatternMatchesAndFreezesOnlyInProduction() throws Exception {
		push("release/1.4", "Release 1.4");
		push("release/1.4/hotfix", "Nested hotfix");
		push("main", "Mainline work");
		push("develop", "Develop work");
		String freeze = UUID.randomUUID().toString();
		Caller owner = owner();
		this.transactions.inTenant(owner.orgId(), () -> {
			this.auditLog.append(owner.orgId(), owner.actor(),
					AuditEntry.of("freeze.added", "freeze", freeze)
						.detail("reason", "Timeline holiday " + freeze)
						.detail("start", "2026-12-24T00:00:00Z")
						.detail("end", "2026-12-27T00:00:00Z")
						.build());
			return null;
		});
		this.mvc
			.perform(post("/api/v1/orgs/acme/projects/" + this.project + "/environments").session(session(OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"preview\", \"tier\": \"DEVELOPMENT\"}"))
			.andExpect(status().isCreated());

		this.mvc.perform(get(timeline("production")).session(session(VIEWER)))
			.andExpect(content().string(allOf(
					stringContainsInOrder("Organization-wide freeze added: Timeline holiday " + freeze,
							"From 2026-12-24 01:00 CET to 2026-12-27 01:00 CET", "Release 1.4"),
					not(containsString("Nested hotfix")), not(containsString("Mainline work")),
					not(containsString("Develop work")))));
		this.mvc.perform(get(timeline("staging")).session(session(VIEWER)))
			.andExpect(content().string(allOf(containsString("Mainline work"), not(containsString("Release 1.4")),
					not(containsString("Timeline holiday " + freeze)))));
		this.mvc.perform(get(timeline("preview")).session(session(VIEWER)))
			.andExpect(content().string(allOf(containsString("any branch"), containsString("Release 1.4"),
					containsString("Nested hotfix"), containsString("Mainline work"), containsString("Develop work"))));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void loadOlderContinuesWhereThePageEnded(boolean htmx) throws Exception {
		List<String> pushed = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			pushed.add(push("main", "Commit number " + i));
			if (i == 5) {
				saveConfig("staging", ConfigFixtures.SPEC, "Halfway config", null);
			}
		}
		String first = body(get(timeline("staging")).session(session(VIEWER)));
		List<String> firstIds = ids(first);
		assertThat(firstIds).hasSize(50);
		assertThat(firstIds.get(0)).isEqualTo("commit-" + pushed.get(59));
		assertThat(first).contains("Load older");
		MockHttpServletRequestBuilder older = get(more(first)).session(session(VIEWER));
		if (htmx) {
			older.header("HX-Request", "true");
		}
		String second = body(older);
		List<String> secondIds = ids(second);
		assertThat(secondIds).hasSize(12);
		if (htmx) {
			assertThat(second).doesNotContain("<html").doesNotContain("timeline-browser");
			assertThat(second).startsWith("<li");
		}
		else {
			assertThat(second).contains("<html").contains("Timeline of");
		}
		assertThat(second).doesNotContain("Load older");
		Set<String> all = new LinkedHashSet<>(firstIds);
		all.addAll(secondIds);
		assertThat(all).hasSize(62);
		assertThat(secondIds.get(secondIds.size() - 1)).startsWith("event-");
		assertThat(second).contains("Halfway config").contains("Commit number 1<").contains("Environment created");
		assertThat(first).doesNotContain("Halfway config");

		String codeOnly = body(get(timeline("staging") + "?kind=code").session(session(VIEWER)));
		assertThat(ids(codeOnly)).hasSize(50);
		assertThat(more(codeOnly)).contains("kind=code");
		assertThat(ids(body(get(more(codeOnly)).session(session(VIEWER))))).hasSize(10)
			.allMatch((id) -> id.startsWith("commit-"));
	}

	@Test
	void pagesSplitEntriesThatShareAnInstantWithoutLosingOrRepeatingAny() {
		// The clock stays still: every entry happens at the same instant.
		this.hold = true;
		for (int i = 0; i < 4; i++) {
			push("main", "Same instant " + i);
			deploymentEvent("staging", "deployment.started", UUID.randomUUID().toString(), Map.of());
		}
		saveConfig("staging", ConfigFixtures.SPEC, "Same instant config", null);
		List<String> expected = read(TimelineCursor.FIRST, 100).entries().stream().map(TimelineEntry::id).toList();
		assertThat(expected).hasSize(4 + 4 + 1 + 1);
		for (int size = 1; size <= 4; size++) {
			List<String> paged = new ArrayList<>();
			TimelineCursor cursor = TimelineCursor.FIRST;
			do {
				EnvironmentTimeline.Page page = read(cursor, size);
				assertThat(page.entries().size()).isLessThanOrEqualTo(size);
				page.entries().forEach((entry) -> paged.add(entry.id()));
				cursor = page.next();
			}
			while (cursor != null);
			assertThat(paged).as("pages of %d", size).isEqualTo(expected);
		}
	}

	@Test
	void viewersAndAuditorsReadItAndOtherOrganizationsGet404() throws Exception {
		push("main", "Visible to readers");
		for (String email : List.of(VIEWER, AUDITOR)) {
			this.mvc.perform(get(timeline("staging")).session(session(email)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Visible to readers")));
		}
		this.mvc.perform(get(timeline("staging")).session(session(GLOBEX_OWNER))).andExpect(status().isNotFound());
		this.mvc.perform(get(timeline("nowhere")).session(session(VIEWER))).andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/projects/" + this.project + "/environments/staging").session(session(VIEWER)))
			.andExpect(content().string(
					containsString("href=\"/orgs/acme/projects/" + this.project + "/environments/staging/timeline\"")));
	}

	@Test
	void anEmptyTimelineSaysSo() throws Exception {
		this.mvc.perform(get(timeline("staging") + "?kind=approval").session(session(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"timeline-empty\""),
					containsString("Nothing of these kinds has happened to this environment yet."))));
	}

	EnvironmentTimeline.Page read(TimelineCursor cursor, int size) {
		return this.timeline.read(owner(), this.project, "staging", EnumSet.noneOf(TimelineKind.class), cursor, size);
	}

	String timeline(String environment) {
		return "/orgs/acme/projects/" + this.project + "/environments/" + environment + "/timeline";
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.strip();
	}

	static List<String> ids(String html) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = ENTRY_ID.matcher(html);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	static String more(String html) {
		Matcher matcher = MORE.matcher(html);
		assertThat(matcher.find()).as("a Load older link").isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	MockHttpSession session(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, OWNER, "acme");
	}

	/** Moves the clock a minute on, unless the test holds it still. */
	void tick() {
		if (!this.hold) {
			this.clock.advance(Duration.ofMinutes(1));
		}
	}

	/**
	 * Pushes one commit (a minute later than the last thing, unless the test holds the
	 * clock).
	 */
	String push(String branch, String message) {
		tick();
		byte[] bytes = new byte[20];
		ThreadLocalRandom.current().nextBytes(bytes);
		String sha = HexFormat.of().formatHex(bytes);
		this.ingest.ingest(owner(), this.project, List.of(new CommitInput(sha, branch, "Dana", message,
				"2026-11-23T08:00:00Z", "https://git.example.com/acme/shop/commit/" + sha)));
		return sha;
	}

	void saveConfig(String environment, String spec, String message, @Nullable Integer base) {
		tick();
		this.saveConfig.save(owner(),
				new SaveConfigRevision.Command(this.project, environment, base, spec, List.of(), message));
	}

	void deploymentEvent(String environment, String action, String id, Map<String, Object> details) {
		tick();
		Caller owner = owner();
		this.transactions.inTenant(owner.orgId(), () -> {
			AuditEntry.Builder entry = AuditEntry.of(action, "deployment", id)
				.project(this.project)
				.environment(environment);
			details.forEach(entry::detail);
			this.auditLog.append(owner.orgId(), owner.actor(), entry.build());
			return null;
		});
	}

}
