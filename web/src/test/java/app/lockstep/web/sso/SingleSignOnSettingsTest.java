package app.lockstep.web.sso;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may set up single sign-on (owners only: an admin or a lead gets 403, and nothing is
 * saved), CSRF on its forms and on starting a sign-in, input refused beside its field,
 * and an organization without single sign-on answered with the sign-in page rather than
 * an error. The whole sign-in is {@link SingleSignOnJourneyTest}.
 */
@LockstepTest
class SingleSignOnSettingsTest extends ScenarioTestBase {

	@Test
	void onlyOwnersSeeOrChangeSingleSignOn() throws Exception {
		for (String person : new String[] { ProjectTestSupport.LEAD, ProjectTestSupport.VIEWER }) {
			this.mvc.perform(get("/orgs/acme/settings/sso").session(as(person))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/orgs/acme/settings/sso").session(as(person))
					.with(csrf())
					.param("issuer", "https://login.example.com")
					.param("clientId", "x")
					.param("clientSecret", "y"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/orgs/acme/settings/sso/domains").session(as(person))
					.with(csrf())
					.param("domain", "acme.test"))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/orgs/acme/settings/sso").session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/login/oauth2/code/acme")))
			.andExpect(content().string(containsString("No domains yet.")));
	}

	@Test
	void anOwnerAddsAndRemovesADomain() throws Exception {
		String domain = "remove-me-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example";
		this.mvc
			.perform(post("/orgs/acme/settings/sso/domains").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("domain", domain))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/orgs/acme/settings/sso").session(as(ProjectTestSupport.OWNER)))
			.andExpect(content().string(containsString("lockstep-verification=")))
			.andExpect(content().string(containsString("Not verified")));
		this.mvc
			.perform(post("/orgs/acme/settings/sso/domains/" + domain + "/remove").session(as(ProjectTestSupport.OWNER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/orgs/acme/settings/sso").session(as(ProjectTestSupport.OWNER)))
			.andExpect(content().string(containsString("No domains yet.")));
		this.mvc
			.perform(post("/orgs/acme/settings/sso/domains/" + domain + "/remove").session(as(ProjectTestSupport.OWNER))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void formsNeedTheirCsrfToken() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/settings/sso").session(as(ProjectTestSupport.OWNER))
				.param("issuer", "https://login.example.com")
				.param("clientId", "x")
				.param("clientSecret", "y"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/orgs/acme/settings/sso/domains").session(as(ProjectTestSupport.OWNER))
				.param("domain", "example.com"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login/sso").param("who", "acme")).andExpect(status().isForbidden());
	}

	@Test
	void badInputIsRefusedBesideItsFieldAndNothingIsSaved() throws Exception {
		this.mvc
			.perform(post("/orgs/acme/settings/sso").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("issuer", "http://login.example.com")
				.param("clientId", "")
				.param("clientSecret", "")
				.param("defaultRole", "OWNER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The issuer must be an https:// URL.")))
			.andExpect(content().string(containsString("Enter the client id.")))
			.andExpect(content().string(containsString("Enter the client secret.")))
			.andExpect(content().string(containsString("Choose admin, lead, developer, viewer or auditor.")));
		this.mvc
			.perform(post("/orgs/acme/settings/sso/domains").session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("domain", "https://example.com/x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a domain such as example.com")));
		this.mvc
			.perform(
					post("/orgs/acme/settings/sso/domains/nothing.example/verify").session(as(ProjectTestSupport.OWNER))
						.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/settings/sso").session(as(ProjectTestSupport.OWNER)))
			.andExpect(content().string(containsString("Not set up yet")));
	}

	@Test
	void startingSingleSignOnIsRateLimitedPerClientNetwork() throws Exception {
		String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
		// 60 at once, then one a second: the burst is spent well before 90.
		int answered = 0;
		while (answered < 90 && this.mvc.perform(get("/oauth2/authorization/no-such-org").with((request) -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn().getResponse().getStatus() == 404) {
			answered++;
		}
		org.assertj.core.api.Assertions.assertThat(answered).isBetween(60, 89);
		this.mvc.perform(post("/login/sso").with(csrf()).param("who", "acme").with((request) -> {
			request.setRemoteAddr(address);
			return request;
		})).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		// Another network is not held up.
		this.mvc.perform(get("/oauth2/authorization/no-such-org").with((request) -> {
			request.setRemoteAddr("198.51.100.251");
			return request;
		})).andExpect(status().isNotFound());
	}

	@Test
	void anOrganizationWithoutSingleSignOnIsSaidSo() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/acme"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Single sign-on is not set up")));
		this.mvc.perform(post("/login/sso").with(csrf()).param("who", "someone@nowhere.example"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Single sign-on is not set up")));
		this.mvc.perform(post("/login/sso").with(csrf()).param("who", "acme"))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/login/sso").param("refused", "email_not_verified"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("has not verified your email address")));
		// The password form is untouched.
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign in with SSO")))
			.andExpect(header().string("Content-Security-Policy", containsString("form-action 'self'")));
	}

}
