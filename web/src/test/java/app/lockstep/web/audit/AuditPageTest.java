package app.lockstep.web.audit;

import java.util.UUID;

import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LockstepTest
class AuditPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignUp signUp;

	@Autowired
	CreateProject createProject;

	@ParameterizedTest
	@ValueSource(strings = { "owner@acme.test", "auditor@acme.test" })
	void ownersAdminsAndAuditorsReadTheLog(String email) throws Exception {
		this.mvc.perform(get("/orgs/acme/audit").session(new SessionCache(this.mvc).sessionOf(email)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("project.created")))
			.andExpect(content().string(containsString("invitation.accepted")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lead@acme.test", "dev@acme.test", "viewer@acme.test" })
	void everyoneElseIsRefused(String email) throws Exception {
		this.mvc.perform(get("/orgs/acme/audit").session(new SessionCache(this.mvc).sessionOf(email)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("does not allow this")));
	}

	@Test
	void pagesOfFiftyByKeysetAndHtmxAppendsOnlyTheNextRows() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String email = "audit-" + id + "@example.test";
		SignUp.Result result = this.signUp.signUp(new SignUp.Command(email, "Audit Pager", "audit-pager-password",
				"Audit " + id, "audit-" + id, "UTC", "127.0.0.1"));
		Caller owner = new Caller(result.organization(), result.user(), "Audit Pager", Role.OWNER, "127.0.0.1");
		for (int i = 0; i < 60; i++) {
			this.createProject.create(owner, new ProjectInput("p" + i, "Project " + i, null, null));
		}
		var session = new SessionCache(this.mvc).login(email, "audit-pager-password");
		String first = this.mvc.perform(get("/orgs/audit-" + id + "/audit").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first.split("class=\"audit-event\"", -1)).hasSize(51);
		assertThat(first).contains("<html", "Load older events", "before=13");

		String more = this.mvc.perform(
				get("/orgs/audit-" + id + "/audit").param("before", "13").header("HX-Request", "true").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(more).doesNotContain("<html", "<nav").contains("organization.created");
		assertThat(more.split("class=\"audit-event\"", -1)).hasSize(13);
		assertThat(more).doesNotContain("Load older events");

		String plain = this.mvc.perform(get("/orgs/audit-" + id + "/audit").param("before", "13").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(plain).contains("<html", "organization.created");
	}

	@Test
	void aKindOfActionWithItsDotAndAProjectByItsNameFindTheirEvents() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String email = "audit-f-" + id + "@example.test";
		SignUp.Result result = this.signUp.signUp(new SignUp.Command(email, "Audit Filter", "audit-filter-password",
				"Audit F " + id, "audit-f-" + id, "UTC", "127.0.0.1"));
		Caller owner = new Caller(result.organization(), result.user(), "Audit Filter", Role.OWNER, "127.0.0.1");
		this.createProject.create(owner, new ProjectInput("shop-" + id, "Web Shop", null, null));
		// a project named like the first one's slug: the slug still finds only its own
		this.createProject.create(owner, new ProjectInput("other-" + id, "shop-" + id, null, null));
		var session = new SessionCache(this.mvc).login(email, "audit-filter-password");
		String path = "/orgs/audit-f-" + id + "/audit";
		for (String action : new String[] { "project", "project.", "project.created" }) {
			// two projects created
			String page = this.mvc.perform(get(path).param("action", action).session(session))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page.split("class=\"audit-event\"", -1)).as("action filter %s", action).hasSize(3);
			assertThat(page).contains("project.created");
		}
		assertThat(this.mvc.perform(get(path).param("project", "shop-" + id).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.split("class=\"audit-event\"", -1)).hasSize(2);
		for (String project : new String[] { "Web Shop", "web shop" }) {
			String page = this.mvc.perform(get(path).param("project", project).session(session))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page.split("class=\"audit-event\"", -1)).as("project filter %s", project).hasSize(2);
		}
		String none = this.mvc.perform(get(path).param("project", "Web").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains("No event matches these filters.");
	}

}
