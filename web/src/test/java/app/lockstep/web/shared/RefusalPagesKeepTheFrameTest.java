package app.lockstep.web.shared;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refused page (403, 404) inside an organization keeps the navigation, the organization
 * switcher and the person's menu, so a signed-in member finds their way on (issue 15,
 * defect 18); an htmx request still gets no frame.
 */
@LockstepTest
class RefusalPagesKeepTheFrameTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aForbiddenPageKeepsTheNavigationAndMenus() throws Exception {
		String page = this.mvc
			.perform(get("/orgs/acme/audit").session(new SessionCache(this.mvc).sessionOf("dev@acme.test")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("You are not allowed to do this", "id=\"main-nav\"", "id=\"nav-approvals\"",
				"href=\"/orgs/acme/members\"", "org-switcher", "Log out");
	}

	@Test
	void aNotFoundPageKeepsTheNavigationAndMenus() throws Exception {
		String page = this.mvc
			.perform(get("/orgs/acme/projects/no-such-project")
				.session(new SessionCache(this.mvc).sessionOf("owner@acme.test")))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("We could not find that page", "id=\"main-nav\"", "id=\"nav-approvals\"",
				"org-switcher", "Log out");
	}

	@Test
	void withHtmxARefusalHasNoFrame() throws Exception {
		String page = this.mvc
			.perform(get("/orgs/acme/audit").header("HX-Request", "true")
				.session(new SessionCache(this.mvc).sessionOf("dev@acme.test")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("org-switcher");
	}

}
