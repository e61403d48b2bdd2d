package app.lockstep.web.code;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A correctly signed push whose commit message holds a NUL character (which PostgreSQL
 * cannot store) is refused as invalid input with the field named, not a 500.
 */
@LockstepTest
class WebhookHostileInputTest {

	private static final String SECRET = "hostile-webhook-secret-0123456789";

	@Autowired
	MockMvc mvc;

	@Test
	void aSignedPushWithANulCharacterIsInvalidInputNamingTheField() throws Exception {
		String project = ProjectTestSupport.projectWithEnvironments(this.mvc, "hooknul");
		String github = CodeTestSupport.path(CodeTestSupport.webhook(this.mvc, project, SECRET), "github");
		String body = CodeTestSupport.githubPush("refs/heads/main",
				new CodeTestSupport.Pushed(CodeTestSupport.sha(), "fix\\u0000it", "2026-03-02T10:15:00+01:00"));
		this.mvc
			.perform(post(github).contentType(MediaType.APPLICATION_JSON)
				.header("X-GitHub-Event", "push")
				.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, body))
				.content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("commits[0].message"));
	}

}
