package app.lockstep.web.shared;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refusal says first what matters most: a member who may not do something at all gets
 * 403 before any complaint about how they asked (a missing If-Match is 428 only for those
 * who may edit); and auditors, who change nothing, may still have the audit chain's head
 * signed (decision 13).
 */
@LockstepTest
class RefusalOrderTest {

	private static final String CONFIG = "/api/v1/orgs/acme/projects/shop/environments/staging/config";

	private static final String BODY = "{\"infrastructure\": \"\", \"variables\": [], \"message\": \"x\"}";

	@Autowired
	MockMvc mvc;

	@Test
	void aViewersConfigPutWithoutIfMatchIsForbiddenNotPreconditionRequired() throws Exception {
		for (String who : new String[] { ProjectTestSupport.VIEWER, ProjectTestSupport.AUDITOR }) {
			this.mvc
				.perform(put(CONFIG).session(ProjectTestSupport.session(this.mvc, who))
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(BODY))
				.andExpect(status().isForbidden());
		}
		this.mvc
			.perform(put(CONFIG).session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(BODY))
			.andExpect(status().isPreconditionRequired());
	}

	@Test
	void anAuditorSignsTheHeadAndIsNamedOnTheCheckpoint() throws Exception {
		this.mvc
			.perform(post("/api/v1/orgs/acme/audit/checkpoints")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.AUDITOR))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.signedBy").value("Ada Auditor"));
	}

}
