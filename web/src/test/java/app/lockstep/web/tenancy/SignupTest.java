package app.lockstep.web.tenancy;

import java.util.UUID;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
class SignupTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aNewPersonSignsUpBecomesOwnerAndLandsOnTheEmptyDashboard() throws Exception {
		String id = unique();
		MockHttpSession session = (MockHttpSession) signUp("ann-" + id + "@example.test", "correct-horse-battery",
				"org-" + id)
			.andExpect(redirectedUrl("/orgs/org-" + id + "?welcome"))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/orgs/org-" + id).param("welcome", "").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Welcome to Lockstep"), containsString("No projects yet"),
					containsString("Create your first project"))));
		this.mvc.perform(get("/orgs/org-" + id + "/audit").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("organization.created"), containsString("member.added"))));
		new SessionCache(this.mvc).login("ann-" + id + "@example.test", "correct-horse-battery");
	}

	@Test
	void aCommonPasswordIsRefusedBesideTheFieldTheInputIsKeptAndNothingIsSaved() throws Exception {
		String id = unique();
		signUp("bob-" + id + "@example.test", "password123", "org-" + id).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("commonly used passwords"),
					containsString("value=\"bob-" + id + "@example.test\""), containsString("value=\"org-" + id + "\""),
					containsString("is-invalid"), not(containsString("value=\"password123\"")))));
		assertThatThrownBy(() -> new SessionCache(this.mvc).login("bob-" + id + "@example.test", "password123"))
			.hasMessageContaining("Login failed");
	}

	@Test
	void aTakenOrganizationSlugIsRefusedAndThePersonIsNotCreatedHalfWay() throws Exception {
		String id = unique();
		signUp("cy-" + id + "@example.test", "correct-horse-battery", "acme")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The slug &quot;acme&quot; is taken")));
		assertThatThrownBy(
				() -> new SessionCache(this.mvc).login("cy-" + id + "@example.test", "correct-horse-battery"))
			.hasMessageContaining("Login failed");
	}

	@Test
	void badSlugsAndEmailsGetSpecificMessages() throws Exception {
		signUp("not-an-email", "correct-horse-battery", "Bad Slug!").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("does not look like an email address"),
					containsString("Use lowercase letters, digits and single dashes only"))));
	}

	@Test
	void anEmailThatAlreadyHasAnAccountIsRefused() throws Exception {
		signUp("owner@acme.test", "correct-horse-battery", "org-" + unique())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("already exists. Log in instead.")));
	}

	private ResultActions signUp(String email, String password, String slug) throws Exception {
		return this.mvc.perform(post("/signup").with(csrf())
			.param("email", email)
			.param("name", "Test Person")
			.param("password", password)
			.param("orgName", "Org " + slug)
			.param("orgSlug", slug)
			.param("timeZone", "Europe/Paris"));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
