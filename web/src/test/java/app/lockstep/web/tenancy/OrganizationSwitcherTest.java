package app.lockstep.web.tenancy;

import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A person in many organizations gets a short switcher on every page (the first twelve by
 * name and a link to all of them) instead of a menu of every organization; the settings
 * page lists them all.
 */
@LockstepTest
class OrganizationSwitcherTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResolveMembership resolveMembership;

	@Test
	void theSwitcherNamesTwelveOrganizationsAndLinksToAllOfThem() throws Exception {
		TenancyFixtures.Org home = new TenancyFixtures(this.mvc, this.resolveMembership).newOrg();
		for (int i = 0; i < 14; i++) {
			this.mvc.perform(post("/orgs/new").session(home.owner().session())
				.param("orgName", "Switcher " + i + " " + home.slug())
				.param("orgSlug", home.slug() + "-s" + i)
				.param("timeZone", "UTC")
				.with(csrf()));
		}
		String page = this.mvc.perform(get("/orgs/" + home.slug()).session(home.owner().session()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String menu = page.substring(page.indexOf("org-switcher"), page.indexOf("New organization"));
		assertThat(menu.split("class=\"dropdown-item d-flex")).hasSize(12 + 1);
		assertThat(menu).contains("All 15 organizations");

		String settings = this.mvc.perform(get("/orgs/" + home.slug() + "/settings").session(home.owner().session()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (int i = 0; i < 14; i++) {
			assertThat(settings).contains("Switcher " + i + " " + home.slug());
		}
	}

}
