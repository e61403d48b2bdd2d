package app.lockstep.web.window;

import java.time.Instant;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static app.lockstep.web.project.ProjectTestSupport.DEVELOPER;
import static app.lockstep.web.project.ProjectTestSupport.OWNER;
import static app.lockstep.web.project.ProjectTestSupport.VIEWER;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The windows card on the environment page (words and the 14-day strip, with the clock
 * pinned), the windows editor (saving, refusals beside the fields, read-only for roles
 * that may not manage policies) and the htmx refresh of the card.
 */
@LockstepTest
class WindowsPagesTest {

	/** Friday 27 November 2026, 11:00 in Paris. */
	static final Instant FRIDAY = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	static String editor(String project, String environment) {
		return "/orgs/acme/projects/" + project + "/environments/" + environment + "/windows";
	}

	@Test
	void theEnvironmentPageSaysInWordsThatShopProductionIsBlockedOnFridayAndDrawsTheStrip() throws Exception {
		this.clock.pin(FRIDAY);
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/production").session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"deployment-windows\""),
					containsString("Blocked until Mon 00:00 CET: No Friday deploys"),
					containsString("No Friday deploys: Friday, all day"),
					containsString("No weekend deploys: Saturday, Sunday, all day"),
					containsString("Default rules for this tier"), containsString("data-date=\"2026-11-27\""),
					containsString("data-date=\"2026-12-10\""), not(containsString("data-date=\"2026-12-11\"")),
					containsString("Fri 27 Nov: closed 00:00–24:00 (No Friday deploys)"),
					containsString("Mon 30 Nov: open all day"),
					containsString("class=\"window-cell closed-BLOCK hour-mark\" title=\"00:00 No Friday deploys\""),
					containsString("window-cell closed-BLOCK now\" title=\"11:00 No Friday deploys\""),
					containsString("View rules"), not(containsString("style=")))));
	}

	@Test
	void aDaylightSavingDayIsMarked() throws Exception {
		// Sunday 25 October 2026 is in the strip of Thursday 22 October.
		this.clock.pin(Instant.parse("2026-10-22T10:00:00Z"));
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/production").session(as(VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Open until Fri 00:00 CEST"),
					stringContainsInOrder("Sun 25 Oct", "clocks go back"))));
	}

	@Test
	void otherTiersAreOpenByDefault() throws Exception {
		this.clock.pin(FRIDAY);
		this.mvc.perform(get("/orgs/acme/projects/shop/environments/staging").session(as(OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Open: no block or freeze ahead"),
					containsString("No rules: open at any time."), containsString("Edit windows"))));
	}

	@ParameterizedTest(name = "htmx: {0}")
	@ValueSource(booleans = { true, false })
	void theCardRefreshesAloneForHtmx(boolean htmx) throws Exception {
		this.clock.pin(FRIDAY);
		MockHttpServletRequestBuilder request = get(editor("shop", "production") + "/status").session(as(DEVELOPER));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(
					content().string(startsWith("<section class=\"card mb-4 window-card\" id=\"deployment-windows\"")))
			.andExpect(content().string(allOf(containsString("Blocked until Mon 00:00 CET: No Friday deploys"),
					containsString("hx-get=\"/orgs/acme/projects/shop/environments/production/windows/status\""),
					containsString("hx-trigger=\"every 60s\""), not(containsString("<html")))));
	}

	@Test
	void theEditorShowsTheDefaultRulesForAnOwner() throws Exception {
		this.mvc.perform(get(editor("shop", "production")).session(as(OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"windows-form\""),
					containsString("name=\"blocks[0].label\" type=\"text\" value=\"No Friday deploys\""),
					matchesPattern("(?s).*id=\"blocks-0-days-FRIDAY\"[^>]*checked=\"checked\">.*"),
					not(matchesPattern("(?s).*id=\"blocks-0-days-MONDAY\"[^>]*checked=\"checked\">.*")),
					containsString("name=\"blocks[0].to\" type=\"text\" value=\"24:00\""),
					containsString("value=\"No weekend deploys\""), containsString("name=\"blocks[2].label\""),
					containsString("value=\"Europe/Paris\""), not(containsString("style=")))));
	}

	@Test
	void viewersAndDevelopersReadTheRulesButGetNoFormAndCannotPost() throws Exception {
		for (String email : new String[] { VIEWER, DEVELOPER }) {
			this.mvc.perform(get(editor("shop", "production")).session(as(email)))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("id=\"read-only-note\""),
						containsString("No Friday deploys: Friday, all day"), not(containsString("windows-form")))));
			this.mvc
				.perform(post(editor("shop", "production")).session(as(email))
					.with(csrf())
					.param("timeZone", "Europe/Paris"))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/api/v1/orgs/acme/projects/shop/environments/production/windows").session(as(OWNER)))
			.andExpect(jsonPath("$.defaultRules").value(true));
	}

	@Test
	void savingTheEditorReplacesTheRulesAndTheEnvironmentPageFollows() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-page");
		this.clock.pin(FRIDAY);
		this.mvc
			.perform(post(editor(slug, "production")).session(as(OWNER))
				.with(csrf())
				.param("timeZone", "America/New_York")
				.param("blocks[0].label", "Morning")
				.param("blocks[0].days", "FRIDAY", "MONDAY")
				.param("blocks[0].from", "00:00")
				.param("blocks[0].to", "09:00")
				.param("blocks[1].label", "")
				.param("blocks[1].from", "")
				.param("blocks[1].to", "")
				.param("allowedHours[0].from", "")
				.param("allowedHours[0].to", "")
				.param("freezes[0].reason", "Launch")
				.param("freezes[0].start", "2026-12-01T08:00")
				.param("freezes[0].end", "2026-12-01T18:00"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(editor(slug, "production")))
			.andExpect(flash().attribute("flash", containsString("Deployment windows saved.")));
		// Friday 05:00 in New York: the morning block ends at 09:00 EST (14:00Z).
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + slug + "/environments/production/windows").session(as(OWNER)))
			.andExpect(jsonPath("$.timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.blocks.length()").value(1))
			.andExpect(jsonPath("$.freezes[0].start").value("2026-12-01T13:00:00Z"))
			.andExpect(jsonPath("$.now.blockedBy").value("Morning"))
			.andExpect(jsonPath("$.now.nextOpenAt").value("2026-11-27T14:00:00Z"));
		this.mvc.perform(get("/orgs/acme/projects/" + slug + "/environments/production").session(as(OWNER)))
			.andExpect(content().string(allOf(containsString("Blocked until Fri 09:00 EST: Morning"),
					containsString("Launch: frozen Tue 1 Dec 2026 08:00 EST until Tue 1 Dec 2026 18:00 EST"),
					not(containsString("Default rules for this tier")))));
		this.mvc.perform(get(editor(slug, "production")).session(as(OWNER)))
			.andExpect(content()
				.string(allOf(containsString("value=\"2026-12-01T08:00\""), containsString("value=\"Morning\""))));
	}

	@Test
	void aRefusedSaveKeepsTheInputShowsEachErrorBesideItsRowAndSavesNothing() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-refused");
		this.mvc
			.perform(post(editor(slug, "production")).session(as(OWNER))
				.with(csrf())
				.param("timeZone", "Europe/Paris")
				.param("blocks[0].label", "")
				.param("blocks[0].from", "")
				.param("blocks[0].to", "")
				.param("blocks[1].label", "Late")
				.param("blocks[1].days", "FRIDAY")
				.param("blocks[1].from", "25:00")
				.param("blocks[1].to", "18:00")
				.param("freezes[0].reason", "")
				.param("freezes[0].start", "2026-12-24T00:00")
				.param("freezes[0].end", "2026-12-20T00:00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(allOf(containsString("Nothing was saved"), containsString("id=\"blocks-1-from-error\""),
						containsString("&quot;25:00&quot; is not a time of day; write HH:MM from 00:00 to 23:59."),
						not(containsString("id=\"blocks-0-from-error\"")), containsString("value=\"25:00\""),
						containsString("value=\"Late\""), containsString("id=\"freezes-0-reason-error\""),
						containsString("id=\"freezes-0-end-error\""),
						containsString("The freeze must end after it starts."),
						containsString("value=\"2026-12-24T00:00\""))));
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + slug + "/environments/production/windows").session(as(OWNER)))
			.andExpect(jsonPath("$.defaultRules").value(true));
	}

	@Test
	void removingARowAndAskingForMoreRows() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "win-rows");
		this.mvc
			.perform(post(editor(slug, "staging")).session(as(OWNER))
				.with(csrf())
				.param("action", "more-rows")
				.param("timeZone", "Europe/Paris")
				.param("blocks[0].label", "Kept as typed")
				.param("blocks[0].from", "10:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"Kept as typed\""),
					containsString("name=\"blocks[1].label\""), not(containsString("name=\"blocks[2].label\"")),
					containsString("name=\"allowedHours[0].from\""), containsString("name=\"freezes[0].reason\""))));
		this.mvc
			.perform(post(editor(slug, "production")).session(as(OWNER))
				.with(csrf())
				.param("timeZone", "Europe/Paris")
				.param("blocks[0].label", "No Friday deploys")
				.param("blocks[0].days", "FRIDAY")
				.param("blocks[0].from", "00:00")
				.param("blocks[0].to", "24:00")
				.param("blocks[1].label", "No weekend deploys")
				.param("blocks[1].days", "SATURDAY", "SUNDAY")
				.param("blocks[1].from", "00:00")
				.param("blocks[1].to", "24:00")
				.param("blocks[1].remove", "true"))
			.andExpect(status().isFound());
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + slug + "/environments/production/windows").session(as(OWNER)))
			.andExpect(jsonPath("$.blocks.length()").value(1))
			.andExpect(jsonPath("$.defaultRules").value(false));
	}

}
