package app.lockstep.web.window;

import java.time.Instant;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.token.TokenTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static app.lockstep.web.project.ProjectTestSupport.AUDITOR;
import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.GLOBEX_OWNER;
import static app.lockstep.web.project.ProjectTestSupport.LEAD;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GET and PUT …/environments/{environment}/windows: the default of production, the rules
 * of the issue saved and read back with the decision now, refusals (roles, other
 * organizations, bad input with the fields at fault) and API tokens.
 */
@LockstepTest
class WindowsApiTest {

	static final String ISSUE_BODY = """
			{"timeZone": "Europe/Paris",
			 "blocks": [{"label": "No Friday deploys", "days": ["FRIDAY"], "from": "00:00", "to": "24:00"}],
			 "allowedHours": [{"days": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY"], "from": "09:00", "to": "17:00"}],
			 "freezes": [{"start": "2026-12-24T00:00:00Z", "end": "2027-01-02T00:00:00Z", "reason": "Holiday freeze"}]}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership resolveMembership;

	@Autowired
	Transactions transactions;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	static String url(String project, String environment) {
		return "/api/v1/orgs/acme/projects/" + project + "/environments/" + environment + "/windows";
	}

	ResultActions putAs(String email, String url, String body) throws Exception {
		return this.mvc
			.perform(put(url).session(as(email)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void productionWithoutSavedRulesHasNoFridayDeploysByDefaultInItsTimeZone() throws Exception {
		this.clock.pin(Instant.parse("2026-11-27T10:00:00Z"));
		this.mvc.perform(get(url("shop", "production")).session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
			.andExpect(jsonPath("$.defaultRules").value(true))
			.andExpect(jsonPath("$.blocks[0].label").value("No Friday deploys"))
			.andExpect(jsonPath("$.blocks[0].days[0]").value("FRIDAY"))
			.andExpect(jsonPath("$.blocks[0].from").value("00:00"))
			.andExpect(jsonPath("$.blocks[0].to").value("24:00"))
			.andExpect(jsonPath("$.allowedHours", hasSize(0)))
			.andExpect(jsonPath("$.now.open").value(false))
			.andExpect(jsonPath("$.now.blockedBy").value("No Friday deploys"))
			.andExpect(jsonPath("$.now.nextOpenAt").value("2026-11-29T23:00:00Z"))
			.andExpect(jsonPath("$.now.openUntil").doesNotExist())
			.andExpect(jsonPath("$.now.summary").value("Blocked until Mon 00:00 CET: No Friday deploys"));
		this.mvc.perform(get(url("shop", "staging")).session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.defaultRules").value(true))
			.andExpect(jsonPath("$.blocks", hasSize(0)))
			.andExpect(jsonPath("$.now.open").value(true))
			.andExpect(jsonPath("$.now.nextOpenAt").value("2026-11-27T10:00:00Z"));
	}

	@Test
	void theIssuesBodyIsSavedReadBackAndDecidesNow() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-api");
		// Christmas Day 2026, a Friday: the freeze is named before the Friday block.
		this.clock.pin(Instant.parse("2026-12-25T10:00:00Z"));
		putAs(OWNER, url(slug, "production"), ISSUE_BODY).andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
			.andExpect(jsonPath("$.defaultRules").value(false))
			.andExpect(jsonPath("$.blocks", hasSize(1)))
			.andExpect(jsonPath("$.allowedHours[0].days",
					containsInAnyOrder("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY")))
			.andExpect(jsonPath("$.allowedHours[0].from").value("09:00"))
			.andExpect(jsonPath("$.freezes[0].start").value("2026-12-24T00:00:00Z"))
			.andExpect(jsonPath("$.freezes[0].reason").value("Holiday freeze"))
			.andExpect(jsonPath("$.now.open").value(false))
			.andExpect(jsonPath("$.now.blockedBy").value("Holiday freeze"))
			// Saturday 2 January is outside the allowed hours: Monday 4 January 09:00
			// CET.
			.andExpect(jsonPath("$.now.nextOpenAt").value("2027-01-04T08:00:00Z"));
		this.mvc.perform(get(url(slug, "production")).session(as(DEVELOPER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.defaultRules").value(false))
			.andExpect(jsonPath("$.blocks[0].label").value("No Friday deploys"))
			.andExpect(jsonPath("$.freezes[0].end").value("2027-01-02T00:00:00Z"));
		AuditEvent event = ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "windows.updated", slug).get(0);
		assertThat(event.environmentName()).isEqualTo("production");
		assertThat(event.details().toString()).contains("No weekend deploys")
			.contains("Holiday freeze")
			.contains("replacedDefault=true");
	}

	@Test
	void emptyListsMeanOpenAtAnyTimeAndAMissingTimeZoneIsTheEnvironments() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-open");
		this.clock.pin(Instant.parse("2026-11-27T10:00:00Z"));
		putAs(OWNER, url(slug, "production"), "{\"blocks\": [], \"allowedHours\": [], \"freezes\": []}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/Paris"))
			.andExpect(jsonPath("$.now.open").value(true))
			.andExpect(jsonPath("$.now.openUntil").doesNotExist())
			.andExpect(jsonPath("$.now.summary").value("Open: no block or freeze ahead"));
	}

	@Test
	void onlyMembersWhoManagePoliciesMayChangeWindows() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-refuse");
		for (String email : new String[] { DEVELOPER, VIEWER, LEAD, AUDITOR }) {
			putAs(email, url(slug, "production"), ISSUE_BODY).andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		this.mvc.perform(get(url(slug, "production")).session(as(OWNER)))
			.andExpect(jsonPath("$.defaultRules").value(true));
	}

	@Test
	void anotherOrganizationsEnvironmentAndAnUnknownOneAre404() throws Exception {
		putAs(GLOBEX_OWNER, url("shop", "production"), ISSUE_BODY).andExpect(status().isNotFound());
		this.mvc.perform(get(url("shop", "production")).session(as(GLOBEX_OWNER))).andExpect(status().isNotFound());
		this.mvc.perform(get(url("shop", "nowhere")).session(as(OWNER))).andExpect(status().isNotFound());
		putAs(OWNER, url("nothing", "production"), ISSUE_BODY).andExpect(status().isNotFound());
	}

	@Test
	void badInputIs422WithEveryFieldAtFaultAndSavesNothing() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-bad");
		String body = """
				{"timeZone": "Europe/Atlantis",
				 "blocks": [{"label": "", "days": ["FRYDAY"], "from": "25:00", "to": "24:00"},
				            {"label": "Backwards", "days": ["MONDAY"], "from": "17:00", "to": "09:00"}],
				 "allowedHours": [{"days": [], "from": "09:00", "to": "17:00"}],
				 "freezes": [{"start": "2027-01-02T00:00:00Z", "end": "2026-12-24T00:00:00Z", "reason": "Holiday freeze"}]}
				""";
		putAs(OWNER, url(slug, "production"), body).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'timeZone')].message").value(
					hasItem("\"Europe/Atlantis\" is not a time zone we know; use a region name such as Europe/Paris.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'blocks[0].label')].message")
				.value(hasItem("Name the block, such as \"No Friday deploys\".")))
			.andExpect(jsonPath("$.errors[?(@.field == 'blocks[0].days')].message").value(hasItem(
					"\"FRYDAY\" is not a day; use MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'blocks[0].from')].message")
				.value(hasItem("\"25:00\" is not a time of day; write HH:MM from 00:00 to 23:59.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'blocks[1].to')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'allowedHours[0].days')].message")
				.value(hasItem("Choose at least one day.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'freezes[0].end')].message")
				.value(hasItem("The freeze must end after it starts.")));
		this.mvc.perform(get(url(slug, "production")).session(as(OWNER)))
			.andExpect(jsonPath("$.defaultRules").value(true));
	}

	@Test
	void tokensNeedDeploymentsWriteToChangeAndConfigReadToRead() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-token");
		String reader = TokenTestSupport.secret(this.mvc, OWNER, "config:read");
		String deployer = TokenTestSupport.secret(this.mvc, OWNER, "deployments:write");
		this.mvc.perform(get(url(slug, "staging")).with(TokenTestSupport.bearer(reader))).andExpect(status().isOk());
		this.mvc
			.perform(put(url(slug, "staging")).with(TokenTestSupport.bearer(reader))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ISSUE_BODY))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put(url(slug, "staging")).with(TokenTestSupport.bearer(deployer))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ISSUE_BODY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blocks[0].label").value("No Friday deploys"));
		String developersToken = TokenTestSupport.secret(this.mvc, DEVELOPER, "deployments:write");
		this.mvc
			.perform(put(url(slug, "staging")).with(TokenTestSupport.bearer(developersToken))
				.contentType(MediaType.APPLICATION_JSON)
				.content(ISSUE_BODY))
			.andExpect(status().isForbidden());
	}

	@Test
	void savingTheSameRulesAgainAddsNoAuditEvent() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-same");
		putAs(OWNER, url(slug, "staging"), ISSUE_BODY).andExpect(status().isOk());
		putAs(OWNER, url(slug, "staging"), ISSUE_BODY).andExpect(status().isOk());
		String changed = ISSUE_BODY.replace("17:00", "18:00");
		putAs(OWNER, url(slug, "staging"), changed).andExpect(status().isOk());
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, owner(), "windows.updated", slug)).hasSize(2)
			.first()
			.satisfies((event) -> assertThat(event.details().toString()).contains("18:00"));
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, OWNER, "acme");
	}

}
