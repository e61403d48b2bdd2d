package app.lockstep.web.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.project.UpdateProject;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.SessionCache;
import app.lockstep.web.token.TokenTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reading the log through the API and the page: every filter, keyset pagination with a
 * cursor, each event's details, and specific answers to bad input.
 */
@LockstepTest
class AuditBrowseTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateProject createProject;

	@Autowired
	UpdateProject updateProject;

	@Autowired
	CreateEnvironment createEnvironment;

	AuditFixtures.Org org;

	Caller second;

	MockHttpSession session;

	/**
	 * 1-2 (1 March): the organization and its owner; 3 shop created, 4 staging in shop (2
	 * March, by the owner); 5 blog created, 6 shop renamed "Online shop" (3 March, by
	 * Second Person).
	 */
	@BeforeEach
	void anOrganizationWithAHistory() {
		try {
			this.clock.pin(Instant.parse("2031-03-01T09:00:00Z"));
			this.org = AuditFixtures.newOrganization(this.signUp, "browse");
			this.clock.pin(Instant.parse("2031-03-02T10:00:00.123456Z"));
			this.createProject.create(this.org.owner(), new ProjectInput("shop", "Shop", null, null));
			this.createEnvironment.create(this.org.owner(), "shop",
					new EnvironmentInput("staging", "STAGING", null, null, null));
			this.clock.pin(Instant.parse("2031-03-03T10:00:00Z"));
			this.second = new Caller(this.org.owner().organization(), UserId.random(), "Second Person", Role.ADMIN,
					"10.0.0.2");
			this.createProject.create(this.second, new ProjectInput("blog", "Blog", null, null));
			this.updateProject.update(this.second, "shop", new ProjectInput("shop", "Online shop", null, null));
		}
		finally {
			this.clock.release();
		}
		this.session = new SessionCache(this.mvc).login(this.org.email(), AuditFixtures.PASSWORD);
	}

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void newestFirstWithEveryFieldAndHashesThatRecompute() throws Exception {
		String body = api(Map.of()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> events = JSON.readValue(JsonPath.parse(body).read("$.events").toString(),
				new TypeReference<>() {
				});
		assertThat(events).extracting((event) -> event.get("seq")).containsExactly(6, 5, 4, 3, 2, 1);
		Map<String, Object> renamed = events.get(0);
		assertThat(renamed).containsOnlyKeys("seq", "at", "actor", "action", "target", "project", "environment",
				"details", "ip", "org", "prevHash", "hash");
		assertThat(renamed).containsEntry("action", "project.updated")
			.containsEntry("at", "2031-03-03T10:00:00.000Z")
			.containsEntry("project", "shop")
			.containsEntry("ip", "10.0.0.2")
			.containsEntry("org", this.org.owner().orgId().toString());
		assertThat(renamed.get("actor"))
			.isEqualTo(Map.of("type", "USER", "id", this.second.userId().toString(), "name", "Second Person"));
		assertThat(JsonPath.<String>read(body, "$.events[2].at")).as("microseconds are not stored")
			.isEqualTo("2031-03-02T10:00:00.123Z");
		assertThat(JsonPath.<Object>read(body, "$.next")).isNull();
		for (Map<String, Object> event : events) {
			Map<String, Object> hashed = new LinkedHashMap<>(event);
			String prevHash = (String) hashed.remove("prevHash");
			String hash = (String) hashed.remove("hash");
			assertThat(AuditChain.hash(prevHash, AuditChain.canonicalJson(hashed))).isEqualTo(hash);
		}
		assertThat(events.get(5).get("prevHash")).isEqualTo(AuditChain.GENESIS);
	}

	@Test
	void eachFilterNarrowsTheEvents() throws Exception {
		assertThat(seqs(Map.of("action", "project.created"))).containsExactly(5, 3);
		assertThat(seqs(Map.of("action", "project"))).as("a kind of action").containsExactly(6, 5, 3);
		assertThat(seqs(Map.of("project", "shop"))).containsExactly(6, 4, 3);
		assertThat(seqs(Map.of("environment", "staging"))).containsExactly(4);
		assertThat(seqs(Map.of("actor", "second"))).as("part of a name, any case").containsExactly(6, 5);
		assertThat(seqs(Map.of("actor", this.second.userId().toString()))).as("an id").containsExactly(6, 5);
		assertThat(seqs(Map.of("from", "2031-03-02", "to", "2031-03-02"))).as("one whole day").containsExactly(4, 3);
		assertThat(seqs(Map.of("from", "2031-03-02T10:00:00.123Z"))).containsExactly(6, 5, 4, 3);
		assertThat(seqs(Map.of("to", "2031-03-02T10:00"))).as("until, exclusive").containsExactly(2, 1);
		assertThat(seqs(Map.of("q", "ONLINE SHOP"))).as("free text, any case").containsExactly(6);
		assertThat(seqs(Map.of("q", "100%_"))).as("no wildcards").isEmpty();
		assertThat(seqs(Map.of("project", "shop", "actor", "Second"))).containsExactly(6);
	}

	@Test
	void pagesFollowTheCursorWithoutOverlap() throws Exception {
		List<Integer> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Map<String, String> params = new LinkedHashMap<>(Map.of("limit", "4"));
			if (after != null) {
				params.put("after", after);
			}
			String body = api(params).andReturn().getResponse().getContentAsString();
			seen.addAll(JsonPath.read(body, "$.events[*].seq"));
			after = JsonPath.read(body, "$.next");
			pages++;
		}
		while (after != null);
		assertThat(seen).containsExactly(6, 5, 4, 3, 2, 1);
		assertThat(pages).isEqualTo(2);
		api(Map.of("limit", "2", "action", "project")).andExpect(jsonPath("$.events[*].seq").value(contains(6, 5)))
			.andExpect(jsonPath("$.next").value("5"));
		api(Map.of("limit", "2", "action", "project", "after", "5"))
			.andExpect(jsonPath("$.events[*].seq").value(contains(3)))
			.andExpect(jsonPath("$.next").value(nullValue()));
	}

	@Test
	void badInputIsRefusedWithTheFieldAndWhy() throws Exception {
		api(Map.of("from", "yesterday")).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("\"yesterday\" is not a time")))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		api(Map.of("from", "2031-03-03", "to", "2031-03-01")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.detail").value(containsString("must come after its start")));
		api(Map.of("after", "abc")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("after"))
			.andExpect(jsonPath("$.detail").value(containsString("is not a cursor")));
		api(Map.of("limit", "0", "to", "soon")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("limit", "to")));
		api(Map.of("q", "x".repeat(201))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void thePageFiltersWithAndWithoutHtmx(boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = get("/orgs/{org}/audit", this.org.slug()).param("project", "shop")
			.param("actor", "second")
			.session(this.session);
		if (htmx) {
			request.header("HX-Request", "true");
		}
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html.split("class=\"audit-event\"", -1)).hasSize(2);
		assertThat(html).contains("data-seq=\"6\"", "class=\"audit-before\">Shop<",
				"class=\"audit-after\">Online shop<", "value=\"second\"",
				"actor=second&amp;project=shop&amp;format=jsonl", "Clear");
		assertThat(html.contains("<html")).isEqualTo(!htmx);
		assertThat(html).contains("id=\"audit-browser\"");
	}

	@Test
	void aBadTimeOnThePageIsShownBesideItsFieldAndTheInputKept() throws Exception {
		String html = this.mvc
			.perform(get("/orgs/{org}/audit", this.org.slug()).param("from", "last tuesday").session(this.session))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"from-error\"", "&quot;last tuesday&quot; is not a time",
				"value=\"last tuesday\"", "is-invalid");
	}

	@Test
	void actionsAreChipsAndBeforeAndAfterAreTwoColumns() throws Exception {
		String list = this.mvc.perform(get("/orgs/{org}/audit", this.org.slug()).session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("<th scope=\"col\">Before</th>", "<th scope=\"col\">After</th>",
				"class=\"action-chip chip-update\"", "class=\"action-chip chip-create\"",
				"href=\"/orgs/" + this.org.slug() + "/audit?action=project.updated\"",
				"class=\"audit-col audit-col-before\"", "class=\"audit-col audit-col-after\"");
		assertThat(list).doesNotContain("What changed");
		int row = list.indexOf("class=\"audit-col audit-col-before\"");
		String before = list.substring(row, list.indexOf("</td>", row));
		String after = list.substring(list.indexOf("class=\"audit-col audit-col-after\"", row));
		after = after.substring(0, after.indexOf("<details"));
		assertThat(before).contains("audit-field", "audit-before").doesNotContain("audit-after");
		assertThat(after).contains("audit-field", "audit-after").doesNotContain("audit-before");
	}

	@Test
	void eachEventOpensToItsBeforeAndAfterAndHasAPage() throws Exception {
		String list = this.mvc.perform(get("/orgs/{org}/audit", this.org.slug()).session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("<details class=\"audit-disclosure\">", "class=\"audit-before\">Shop<",
				"class=\"audit-after\">Online shop<", "/audit/events/6\"");
		this.mvc.perform(get("/orgs/{org}/audit/events/6", this.org.slug()).session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Audit event <span>6</span>")))
			.andExpect(content().string(containsString("class=\"audit-before\">Shop<")))
			.andExpect(content().string(containsString("class=\"audit-after\">Online shop<")))
			.andExpect(content().string(containsString("Second Person")));
		this.mvc.perform(get("/orgs/{org}/audit/events/99", this.org.slug()).session(this.session))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "lead@acme.test", "dev@acme.test", "viewer@acme.test" })
	void onlyOwnersAdminsAndAuditorsReadTheLogOverTheApi(String email) throws Exception {
		this.mvc.perform(get("/api/v1/orgs/acme/audit").session(new SessionCache(this.mvc).sessionOf(email)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aTokenNeedsTheAuditReadScope() throws Exception {
		String reader = TokenTestSupport.secret(this.mvc, "auditor@acme.test", "audit:read");
		this.mvc.perform(get("/api/v1/orgs/acme/audit").with(TokenTestSupport.bearer(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[*].action").value(hasItem("project.created")));
		String other = TokenTestSupport.secret(this.mvc, "owner@acme.test", "config:read");
		this.mvc.perform(get("/api/v1/orgs/acme/audit").with(TokenTestSupport.bearer(other)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("This token lacks the scope audit:read"));
	}

	private List<Integer> seqs(Map<String, String> params) throws Exception {
		return JsonPath.read(api(params).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$.events[*].seq");
	}

	private org.springframework.test.web.servlet.ResultActions api(Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/orgs/{org}/audit", this.org.slug()).session(this.session);
		params.forEach(request::param);
		return this.mvc.perform(request);
	}

}
