package app.lockstep.web.code;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import app.lockstep.domain.code.WebhookSecrets;
import app.lockstep.web.project.ProjectTestSupport;
import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * What the code tests share: random shas, a webhook set up with a known secret, and push
 * payloads shaped like GitHub's and GitLab's.
 */
final class CodeTestSupport {

	private CodeTestSupport() {
	}

	static String sha() {
		byte[] bytes = new byte[20];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * A hook set up by the owner with this secret; returns its GitHub and GitLab URLs'
	 * JSON.
	 */
	static String webhook(MockMvc mvc, String project, String secret) throws Exception {
		MvcResult result = mvc
			.perform(put("/api/v1/orgs/acme/projects/" + project + "/webhook-secret")
				.session(ProjectTestSupport.session(mvc, ProjectTestSupport.OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\": \"" + secret + "\"}"))
			.andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("Expected 200, got " + result.getResponse().getStatus() + ": "
					+ result.getResponse().getContentAsString());
		}
		return result.getResponse().getContentAsString();
	}

	/** The path of a hook URL (the tests call MockMvc, not the absolute URL). */
	static String path(String hooksJson, String forge) {
		String url = JsonPath.read(hooksJson, "$." + forge);
		return url.substring(url.indexOf("/api/v1/hooks/"));
	}

	static String signature(String secret, String body) {
		return WebhookSecrets.githubSignature(secret, body.getBytes(StandardCharsets.UTF_8));
	}

	/** A commit as GitHub's push event lists it. */
	record Pushed(String sha, String message, String timestamp) {
	}

	/** A GitHub push event (the fields Lockstep reads, and some it does not). */
	static String githubPush(String ref, Pushed... commits) {
		List<String> items = new ArrayList<>();
		for (Pushed commit : commits) {
			items.add("""
					{"id": "%1$s", "tree_id": "%2$s", "distinct": true, "message": "%3$s",
					 "timestamp": "%4$s", "url": "https://github.com/acme/shop/commit/%1$s",
					 "author": {"name": "Dana Developer", "email": "dana@acme.test", "username": "dana"},
					 "committer": {"name": "GitHub", "email": "noreply@github.com", "username": "web-flow"},
					 "added": [], "removed": [], "modified": ["README.md"]}""".formatted(commit.sha(), sha(),
					commit.message(), commit.timestamp()));
		}
		String after = (commits.length > 0) ? commits[commits.length - 1].sha() : "0".repeat(40);
		return """
				{"ref": "%s", "before": "%s", "after": "%s", "created": false, "deleted": false, "forced": false,
				 "compare": "https://github.com/acme/shop/compare/x...y",
				 "repository": {"id": 1, "name": "shop", "full_name": "acme/shop", "private": true},
				 "pusher": {"name": "octocat", "email": "octocat@github.test"},
				 "sender": {"login": "octocat", "id": 1},
				 "commits": [%s],
				 "head_commit": null}""".formatted(ref, sha(), after, String.join(",", items));
	}

	/** A GitLab push event. */
	static String gitlabPush(String ref, Pushed... commits) {
		List<String> items = new ArrayList<>();
		for (Pushed commit : commits) {
			items.add("""
					{"id": "%1$s", "message": "%2$s", "title": "%2$s", "timestamp": "%3$s",
					 "url": "https://gitlab.com/acme/shop/-/commit/%1$s",
					 "author": {"name": "Gabe GitLab", "email": "gabe@acme.test"},
					 "added": [], "modified": ["README.md"], "removed": []}""".formatted(commit.sha(), commit.message(),
					commit.timestamp()));
		}
		return """
				{"object_kind": "push", "event_name": "push", "before": "%s", "after": "%s", "ref": "%s",
				 "user_name": "Gabe GitLab", "user_username": "gabe", "project_id": 15,
				 "commits": [%s], "total_commits_count": %d}""".formatted(sha(), sha(), ref, String.join(",", items),
				commits.length);
	}

}
