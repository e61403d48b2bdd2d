package app.lockstep.web.shared;

import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LockstepTest
class OrgAccessTest {

	@Autowired
	MockMvc mvc;

	SessionCache sessions;

	@BeforeEach
	void sessions() {
		this.sessions = new SessionCache(this.mvc);
	}

	@Test
	void aMemberSeesTheirDashboard() throws Exception {
		this.mvc.perform(get("/orgs/acme").session(this.sessions.sessionOf("owner@acme.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Acme Corp")));
	}

	@Test
	void aNonMemberGetsTheSame404AsForAnOrganizationThatDoesNotExist() throws Exception {
		this.mvc.perform(get("/orgs/acme").session(this.sessions.sessionOf("owner@globex.test")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/no-such-org").session(this.sessions.sessionOf("owner@globex.test")))
			.andExpect(status().isNotFound());
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/orgs/acme")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

}
