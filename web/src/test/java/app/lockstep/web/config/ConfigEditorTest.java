package app.lockstep.web.config;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.MutableClock;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LockstepTest
class ConfigEditorTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Autowired
	MutableClock clock;

	String project;

	String base;

	MockHttpSession developer;

	@BeforeEach
	void freshProject() {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.project = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		this.base = "/orgs/acme/projects/" + this.project + "/environments/staging/config";
		this.developer = new SessionCache(this.mvc).sessionOf("dev@acme.test");
	}

	@Test
	void anInvalidSpecIsRefusedBesideItsLineWithTheTextKeptAndNothingSaved() throws Exception {
		String broken = "applications:\n  app:\n    type: php:8.3\n    colour: blue\nservices: {}\n";
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("infrastructure", broken)
				.param("baseRevision", "0")
				.param("variables[0].name", "9LIVES")
				.param("variables[0].value", "x")
				.param("variables[0].visibility", "BOTH"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nothing was saved"), containsString("Line 4"),
					containsString("colour"), containsString("spec-line-error"),
					containsString("not starting with a digit"), containsString("value=\"9LIVES\""))));
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(content().string(containsString("No revisions yet")));
	}

	@Test
	void historyAndRevisionTimesAreOnTheEnvironmentsClockWithTheZoneNamedAndUtcOnHover() throws Exception {
		this.clock.pin(java.time.Instant.parse("2026-11-24T10:00:00Z"));
		try {
			saveForm(ConfigFixtures.SPEC, 0, "APP_ENV", "staging", "First").andExpect(status().is3xxRedirection());
		}
		finally {
			this.clock.release();
		}
		for (String page : new String[] { "/history", "/revisions/1", "" }) {
			this.mvc.perform(get(this.base + page).session(this.developer))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString("Tue 24 Nov 2026, 11:00 CET"),
						containsString("title=\"Tue 24 Nov 2026, 10:00 UTC\""), not(containsString("10:00 UTC<")),
						not(containsString("When (UTC)")))));
		}
	}

	@Test
	void saveHistoryDiffAndRestore() throws Exception {
		saveForm(ConfigFixtures.SPEC, 0, "APP_ENV", "staging", "First").andExpect(status().is3xxRedirection());
		saveForm(ConfigFixtures.SPEC.replace("php:8.3", "php:8.4"), 1, "APP_ENV", "staging-2", "Upgrade")
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Upgrade"), containsString("php 8.3 → 8.4"))));
		this.mvc.perform(get(this.base + "/diff").param("from", "1").param("to", "2").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("diff-ADDED"), containsString("type: php:8.4"),
					containsString("APP_ENV"), containsString("staging-2"))));
		this.mvc.perform(post(this.base + "/revisions/1/restore").with(csrf()).session(this.developer))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.base + "/revisions/3").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Restored revision 1"), containsString("type: php:8.3"))));
	}

	@Test
	void theDiffFormPutsNoCsrfTokenInTheAddressAndRestorePostsWithItsOwn() throws Exception {
		saveForm(ConfigFixtures.SPEC, 0, "APP_ENV", "staging", "First").andExpect(status().is3xxRedirection());
		saveForm(ConfigFixtures.SPEC, 1, "APP_ENV", "staging-2", "Second").andExpect(status().is3xxRedirection());
		String html = this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int start = html.indexOf("id=\"diff-form\"");
		String diffForm = html.substring(start, html.indexOf("</form>", start));
		assertThat(diffForm).contains("name=\"from\"").doesNotContain("_csrf").doesNotContain("formmethod");
		assertThat(html).contains("href=\"" + this.base + "/revisions/1/restore\"");
		String preview = this.mvc.perform(get(this.base + "/revisions/1/restore").session(this.developer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int restore = preview.indexOf("id=\"restore-form\"");
		assertThat(restore).isPositive();
		assertThat(preview.substring(preview.lastIndexOf("<form", restore), preview.indexOf("</form>", restore)))
			.contains("method=\"post\"", "_csrf", this.base + "/revisions/1/restore");
	}

	@Test
	void restoringShowsWhatItWouldChangeFirstAndSavesNothingUntilConfirmed() throws Exception {
		saveForm(ConfigFixtures.SPEC, 0, "APP_ENV", "staging", "First").andExpect(status().is3xxRedirection());
		saveForm(ConfigFixtures.SPEC.replace("php:8.3", "php:8.4"), 1, "APP_ENV", "staging-2", "Second")
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.base + "/revisions/1/restore").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Restore revision 1?"),
					containsString("makes revision <strong>3</strong> equal to revision"),
					containsString("php 8.4 → 8.3"), containsString("diff-REMOVED"), containsString("staging-2"),
					containsString("Restore as revision 3"))));
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(content().string(not(containsString("restored from"))));
		this.mvc.perform(get(this.base + "/revisions/2/restore").session(this.developer))
			.andExpect(content().string(containsString("is what this config holds already")));
		MockHttpSession viewer = new SessionCache(this.mvc).sessionOf("viewer@acme.test");
		this.mvc.perform(get(this.base + "/revisions/1/restore").session(viewer)).andExpect(status().isForbidden());
	}

	@Test
	void pressingEnterInTheMessageSavesRatherThanAddingRows() throws Exception {
		String html = this.mvc.perform(get(this.base).session(this.developer))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int form = html.indexOf("id=\"config-form\"");
		int firstSubmit = html.indexOf("type=\"submit\"", form);
		// The first submit button of a form is the one Enter in a field presses.
		assertThat(html.substring(html.lastIndexOf("<button", firstSubmit), html.indexOf(">", firstSubmit)))
			.contains("value=\"save\"");
	}

	@Test
	void restoringARevisionEqualToTheCurrentOneSaysSoOnTheHistoryPage() throws Exception {
		saveForm(ConfigFixtures.SPEC, 0, "APP_ENV", "staging", "First").andExpect(status().is3xxRedirection());
		saveForm(ConfigFixtures.SPEC, 1, "APP_ENV", "staging-2", "Second").andExpect(status().is3xxRedirection());
		this.mvc.perform(post(this.base + "/revisions/1/restore").with(csrf()).session(this.developer))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(content().string(containsString("Restored revision 1 as revision 3")));
		this.mvc.perform(post(this.base + "/revisions/1/restore").with(csrf()).session(this.developer))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(this.base + "/history"));
		this.mvc.perform(get(this.base + "/history").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("alert-danger"),
					containsString("Revision 1 is what this config holds already (revision 3): nothing to restore."),
					not(containsString("data-revision=\"4\"")))));
	}

	@Test
	void aSaveFromAStaleBaseIsRefusedShowingTheOtherChangeAndKeepingMyText() throws Exception {
		saveForm(ConfigFixtures.SPEC, 0, "A", "1", "First").andExpect(status().is3xxRedirection());
		saveForm(ConfigFixtures.SPEC, 1, "A", "2", "Leo's change").andExpect(status().is3xxRedirection());
		saveForm(ConfigFixtures.SPEC.replace("mariadb:10.11", "mariadb:11.4"), 1, "A", "1", "Mine")
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Revision 2 was saved by"), containsString("mariadb:11.4"),
					containsString("name=\"baseRevision\" value=\"2\""))));
	}

	@Test
	void sensitiveValuesAreWriteOnlyAndNeverRenderedIntoAnyPage() throws Exception {
		String secret = "s3cr3t-" + this.project;
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("infrastructure", ConfigFixtures.SPEC)
				.param("baseRevision", "0")
				.param("variables[0].name", "DB_PASSWORD")
				.param("variables[0].value", secret)
				.param("variables[0].sensitive", "true")
				.param("variables[0].visibility", "RUNTIME"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("infrastructure", ConfigFixtures.SPEC)
				.param("baseRevision", "1")
				.param("variables[0].name", "DB_PASSWORD")
				.param("variables[0].value", "")
				.param("variables[0].sensitive", "true")
				.param("variables[0].set", "true")
				.param("variables[0].visibility", "BOTH"))
			.andExpect(status().is3xxRedirection());
		for (String page : new String[] { this.base, this.base + "/history", this.base + "/revisions/1",
				this.base + "/revisions/2", this.base + "/diff?from=1&to=2",
				"/orgs/acme/projects/" + this.project + "/compare?left=staging&right=production", "/orgs/acme",
				"/orgs/acme/audit" }) {
			String email = page.endsWith("/audit") ? "owner@acme.test" : "dev@acme.test";
			String html = this.mvc.perform(get(page).session(new SessionCache(this.mvc).sessionOf(email)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(page).doesNotContain(secret);
		}
		this.mvc.perform(get(this.base).session(this.developer))
			.andExpect(
					content().string(allOf(containsString("set (leave empty to keep)"), not(containsString(secret)))));
	}

	@Test
	void untickingSensitiveWithoutTypingTheValueIsRefusedRatherThanEmptyingTheSecret() throws Exception {
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("infrastructure", ConfigFixtures.SPEC)
				.param("baseRevision", "0")
				.param("variables[0].name", "DB_PASSWORD")
				.param("variables[0].value", "s3cr3t")
				.param("variables[0].sensitive", "true")
				.param("variables[0].visibility", "BOTH"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(this.base).session(this.developer)
				.with(csrf())
				.param("infrastructure", ConfigFixtures.SPEC)
				.param("baseRevision", "1")
				.param("variables[0].name", "")
				.param("variables[0].value", "")
				.param("variables[1].name", "DB_PASSWORD")
				.param("variables[1].value", "")
				.param("variables[1].set", "true")
				.param("variables[1].visibility", "BOTH"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Nothing was saved"),
					containsString("DB_PASSWORD is sensitive and set: type its value to store it in plain text"),
					containsString("id=\"var-value-0\""), containsString("set (leave empty to keep)"),
					not(containsString("s3cr3t")))));
		this.mvc.perform(get(this.base + "/revisions/2").session(this.developer)).andExpect(status().isNotFound());
	}

	@Test
	void comparingAnEnvironmentWithItselfAsksForTwoDifferentOnes() throws Exception {
		this.mvc
			.perform(get("/orgs/acme/projects/" + this.project + "/compare").param("left", "staging")
				.param("right", "staging")
				.session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Pick two different environments to compare."),
					not(containsString("drift-table")))));
	}

	@Test
	void twoEnvironmentsWithoutAConfigAreNotCalledInLockstep() throws Exception {
		this.mvc
			.perform(get("/orgs/acme/projects/" + this.project + "/compare").param("left", "staging")
				.param("right", "production")
				.session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Neither staging nor production has a config yet: there is nothing to compare."),
					not(containsString("are in lockstep")), not(containsString("drift-table")))));
	}

	@Test
	void aViewerReadsTheConfigButCannotSaveIt() throws Exception {
		MockHttpSession viewer = new SessionCache(this.mvc).sessionOf("viewer@acme.test");
		this.mvc.perform(get(this.base).session(viewer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("config-readonly"), not(containsString("config-form")))));
		this.mvc
			.perform(post(this.base).session(viewer)
				.with(csrf())
				.param("infrastructure", ConfigFixtures.SPEC)
				.param("baseRevision", "0"))
			.andExpect(status().isForbidden());
	}

	@Test
	void bringingADifferenceAcrossCreatesARevisionOfTheTarget() throws Exception {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.save.save(owner,
				new SaveConfigRevision.Command(this.project, "staging", null,
						ConfigFixtures.SPEC.replace("php:8.3", "php:8.4"),
						java.util.List.of(new VariableInput("FEATURE_X", "on", false, Visibility.BOTH)), "staging"));
		this.save.save(owner, new SaveConfigRevision.Command(this.project, "production", null, ConfigFixtures.SPEC,
				java.util.List.of(), "production"));
		String compare = "/orgs/acme/projects/" + this.project + "/compare";
		this.mvc.perform(get(compare).param("left", "production").param("right", "staging").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("production ≠ staging"), containsString("FEATURE_X"))));
		this.mvc
			.perform(post(compare + "/bring-across").session(this.developer)
				.with(csrf())
				.param("source", "staging")
				.param("target", "production")
				.param("selected", "variable:FEATURE_X"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(get("/orgs/acme/projects/" + this.project + "/environments/production/config/revisions/2")
				.session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("FEATURE_X"), containsString("type: php:8.3"))));
	}

	private org.springframework.test.web.servlet.ResultActions saveForm(String spec, int base, String name,
			String value, String message) throws Exception {
		return this.mvc.perform(post(this.base).session(this.developer)
			.with(csrf())
			.param("infrastructure", spec)
			.param("baseRevision", String.valueOf(base))
			.param("message", message)
			.param("variables[0].name", name)
			.param("variables[0].value", value)
			.param("variables[0].visibility", "BOTH"));
	}

}
