package app.lockstep.web.config;

import java.util.List;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A project's variables across its environments (issue 15): one grid of effective values
 * with their sources, sensitive ones masked, and each variable's history in every scope.
 */
@LockstepTest
public class VariablesGridTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	static VariableInput plain(String name, String value) {
		return new VariableInput(name, value, false, Visibility.RUNTIME);
	}

	/**
	 * A project whose shared variables hold SHARED_FLAG and a sensitive API_KEY; staging
	 * overrides SHARED_FLAG; APP_ENV differs by environment and changed once on
	 * production.
	 */
	public static String projectWithVariables(MockMvc mvc, SaveConfigRevision save, Caller owner) throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(mvc, "vars");
		save.save(owner,
				new SaveConfigRevision.Command(slug, null, null, "",
						List.of(plain("SHARED_FLAG", "on"),
								new VariableInput("API_KEY", "sk-live-do-not-show", true, Visibility.RUNTIME)),
						"Shared"));
		save.save(owner, new SaveConfigRevision.Command(slug, "staging", null, ConfigFixtures.SPEC,
				List.of(plain("APP_ENV", "staging"), plain("SHARED_FLAG", "off")), "Staging"));
		save.save(owner, new SaveConfigRevision.Command(slug, "production", null, ConfigFixtures.SPEC,
				List.of(plain("APP_ENV", "prod")), "Production"));
		save.save(owner, new SaveConfigRevision.Command(slug, "production", 1, ConfigFixtures.SPEC,
				List.of(plain("APP_ENV", "production")), "Spell it out"));
		return slug;
	}

	String page(String path, String email) throws Exception {
		return this.mvc.perform(get(path).session(ProjectTestSupport.session(this.mvc, email)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String row(String html, String name) {
		int start = html.indexOf("data-variable=\"" + name + "\"");
		assertThat(start).as("the row of " + name).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	@Test
	void theGridShowsEffectiveValuesAndSourcesAndMasksSensitiveOnes() throws Exception {
		String slug = projectWithVariables(this.mvc, this.save, owner());
		String html = page("/orgs/acme/projects/" + slug + "/variables", ProjectTestSupport.VIEWER);
		assertThat(html).contains("id=\"variables-grid\"", ">shared</a></th>", ">development</a></th>",
				">staging</a></th>", ">production</a></th>");
		assertThat(html).doesNotContain("sk-live-do-not-show");
		// shared | development | staging | production
		assertThat(row(html, "SHARED_FLAG"))
			.containsSubsequence(">on<", "source-shared", ">on<", "from shared", ">off<", "overrides shared", ">on<",
					"from shared")
			.contains("var-differs");
		assertThat(row(html, "API_KEY")).contains("var-masked", "hidden (sensitive)", "shared · sensitive",
				"from shared · sensitive");
		assertThat(row(html, "APP_ENV")).containsSubsequence("cell-absent", "cell-absent", ">staging<",
				"this environment", ">production<", "this environment");
		assertThat(html.indexOf("data-variable=\"API_KEY\"")).isLessThan(html.indexOf("data-variable=\"APP_ENV\""));
		assertThat(row(html, "APP_ENV")).contains("href=\"/orgs/acme/projects/" + slug + "/variables/APP_ENV\"");
	}

	@Test
	void aVariablesHistorySaysWhenItChangedWhereAndByWhom() throws Exception {
		String slug = projectWithVariables(this.mvc, this.save, owner());
		String html = page("/orgs/acme/projects/" + slug + "/variables/APP_ENV", ProjectTestSupport.VIEWER);
		assertThat(html).contains("History of <code>APP_ENV</code>");
		assertThat(html).containsSubsequence("data-scope=\"production\"", "changed", "production", "Olivia Owner",
				"revision 2", "Spell it out", "data-scope=\"production\"", "added", "prod", "revision 1",
				"data-scope=\"staging\"", "added", "staging", "revision 1");
		String secret = page("/orgs/acme/projects/" + slug + "/variables/API_KEY", ProjectTestSupport.VIEWER);
		assertThat(secret).contains("data-scope=\"shared\"", "added", "hidden (sensitive)")
			.doesNotContain("sk-live-do-not-show");
		this.mvc
			.perform(get("/orgs/acme/projects/" + slug + "/variables/NOT a name")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/orgs/acme/projects/no-such-project/variables")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.VIEWER)))
			.andExpect(status().isNotFound());
	}

	String set(String slug, String name, String environment, String value, Integer base, String email, boolean htmx,
			int status) throws Exception {
		var request = post("/orgs/acme/projects/" + slug + "/variables/" + name)
			.session(ProjectTestSupport.session(this.mvc, email))
			.with(csrf())
			.param("environment", environment)
			.param("value", value);
		if (base != null) {
			request.param("base", String.valueOf(base));
		}
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aDeveloperSetsAValueInPlaceAsANewRevision() throws Exception {
		String slug = projectWithVariables(this.mvc, this.save, owner());
		String grid = set(slug, "APP_ENV", "staging", "stage", 1, ProjectTestSupport.DEVELOPER, true, 200);
		assertThat(grid).startsWith("<div id=\"variables-grid-card\">")
			.contains("APP_ENV set in staging: revision 2.")
			.doesNotContain("<html", "sk-live-do-not-show");
		assertThat(row(grid, "APP_ENV")).contains(">stage<");
		// the rest of staging as it was
		assertThat(row(grid, "SHARED_FLAG")).containsSubsequence(">off<", "overrides shared");
		// overriding an inherited value, without htmx
		this.mvc
			.perform(post("/orgs/acme/projects/" + slug + "/variables/SHARED_FLAG")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.param("environment", "production")
				.param("value", "maybe")
				.param("base", "2"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/orgs/acme/projects/" + slug + "/variables"))
			.andExpect(flash().attribute("flash", "SHARED_FLAG set in production: revision 3."));
		String html = page("/orgs/acme/projects/" + slug + "/variables", ProjectTestSupport.VIEWER);
		assertThat(row(html, "SHARED_FLAG")).containsSubsequence(">on<", "source-shared", ">on<", ">off<", ">maybe<",
				"overrides shared");
		// a shared value changes beside the sealed secret, which stays
		set(slug, "SHARED_FLAG", "", "yes", 1, ProjectTestSupport.DEVELOPER, true, 200);
		html = page("/orgs/acme/projects/" + slug + "/variables", ProjectTestSupport.VIEWER);
		assertThat(row(html, "API_KEY")).contains("shared · sensitive");
		assertThat(row(html, "SHARED_FLAG")).containsSubsequence(">yes<", "source-shared");
		String history = page("/orgs/acme/projects/" + slug + "/variables/APP_ENV", ProjectTestSupport.VIEWER);
		assertThat(history).containsSubsequence("data-scope=\"staging\"", "changed", "stage", "Dana Developer",
				"revision 2", "Set APP_ENV from the variables grid");
	}

	@Test
	void aStalePageOrASecretIsRefusedAndSavesNothing() throws Exception {
		String slug = projectWithVariables(this.mvc, this.save, owner());
		String stale = set(slug, "APP_ENV", "production", "prd", 1, ProjectTestSupport.DEVELOPER, true, 409);
		assertThat(stale).contains("id=\"grid-problem\"", "changed since this page was loaded");
		assertThat(row(stale, "APP_ENV")).contains(">production<").doesNotContain(">prd<");
		String secret = set(slug, "API_KEY", "", "guess", 1, ProjectTestSupport.DEVELOPER, true, 422);
		assertThat(secret).contains("id=\"grid-problem\"", "typed blind");
		// sensitive cells offer no inline edit; viewers get no edit at all
		String owner = page("/orgs/acme/projects/" + slug + "/variables", ProjectTestSupport.OWNER);
		assertThat(row(owner, "API_KEY")).doesNotContain("var-edit");
		assertThat(row(owner, "APP_ENV")).contains("class=\"var-edit\"", "name=\"base\" value=\"2\"");
		String viewer = page("/orgs/acme/projects/" + slug + "/variables", ProjectTestSupport.VIEWER);
		assertThat(viewer).doesNotContain("var-edit");
		set(slug, "APP_ENV", "staging", "x", 1, ProjectTestSupport.VIEWER, false, 403);
		set(slug, "APP_ENV", "staging", "x", 1, ProjectTestSupport.AUDITOR, false, 403);
		set(slug, "APP_ENV", "nowhere", "x", 1, ProjectTestSupport.DEVELOPER, false, 404);
		assertThat(page("/orgs/acme/projects/" + slug + "/variables/APP_ENV", ProjectTestSupport.VIEWER))
			.doesNotContain(">x<", ">prd<");
	}

	Caller owner() {
		return ConfigFixtures.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER);
	}

}
