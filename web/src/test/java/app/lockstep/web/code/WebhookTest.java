package app.lockstep.web.code;

import java.util.List;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.code.CodeTestSupport.Pushed;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The push webhooks as GitHub and GitLab call them: no session, no CSRF token, only the
 * project's secret. A delivery without the right signature is refused and stores nothing;
 * the same push twice stores its commits once; every new batch is one audit event whose
 * actor is the webhook.
 */
@LockstepTest
class WebhookTest {

	private static final String SECRET = "webhook-test-secret-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	String project;

	String github;

	String gitlab;

	@BeforeEach
	void aProjectWithAWebhook() throws Exception {
		this.project = ProjectTestSupport.projectWithEnvironments(this.mvc, "hooks");
		String hooks = CodeTestSupport.webhook(this.mvc, this.project, SECRET);
		this.github = CodeTestSupport.path(hooks, "github");
		this.gitlab = CodeTestSupport.path(hooks, "gitlab");
	}

	@Test
	void aSignedGithubPushIsStoredOnceAndAuditedAsTheWebhook() throws Exception {
		Pushed first = new Pushed(CodeTestSupport.sha(), "Fix the checkout\\n\\nRounding was off.",
				"2026-03-02T10:15:00+01:00");
		Pushed second = new Pushed(CodeTestSupport.sha(), "Add the invoice PDF", "2026-03-02T10:20:00+01:00");
		String body = CodeTestSupport.githubPush("refs/heads/main", first, second);

		githubDelivery(body, "push", CodeTestSupport.signature(SECRET, body)).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("accepted"))
			.andExpect(jsonPath("$.commits").value(2))
			.andExpect(jsonPath("$.stored.length()").value(2));
		githubDelivery(body, "push", CodeTestSupport.signature(SECRET, body)).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("accepted"))
			.andExpect(jsonPath("$.stored.length()").value(0));

		this.mvc.perform(get(codeChanges()).session(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.codeChanges.length()").value(2))
			.andExpect(jsonPath("$.codeChanges[0].sha").value(second.sha()))
			.andExpect(jsonPath("$.codeChanges[1].sha").value(first.sha()))
			.andExpect(jsonPath("$.codeChanges[1].branch").value("main"))
			.andExpect(jsonPath("$.codeChanges[1].author").value("Dana Developer"))
			.andExpect(jsonPath("$.codeChanges[1].message").value("Fix the checkout\n\nRounding was off."))
			.andExpect(jsonPath("$.codeChanges[1].timestamp").value("2026-03-02T09:15:00Z"))
			.andExpect(jsonPath("$.codeChanges[1].url").value("https://github.com/acme/shop/commit/" + first.sha()))
			.andExpect(jsonPath("$.codeChanges[1].source").value("github"));

		List<AuditEvent> events = ProjectTestSupport.auditEvents(this.readAuditLog, ownerCaller(), "code.pushed",
				this.project);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.actor().type()).isEqualTo(Actor.Type.WEBHOOK);
			assertThat(event.actor().name()).isEqualTo("github push");
			assertThat(event.details()).containsEntry("branch", "main")
				.containsEntry("count", 2)
				.containsEntry("shas", List.of(first.sha(), second.sha()))
				.containsEntry("source", "github")
				.containsEntry("pusher", "octocat");
			assertThat(event.details().toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void aWrongOrMissingSignatureIs401AndStoresNothing() throws Exception {
		Pushed commit = new Pushed(CodeTestSupport.sha(), "Sneaky", "2026-03-02T10:15:00Z");
		String body = CodeTestSupport.githubPush("refs/heads/main", commit);

		githubDelivery(body, "push", CodeTestSupport.signature("not-the-secret-at-all-0000", body))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("does not match")));
		githubDelivery(body, "push", null).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("No X-Hub-Signature-256")));
		// Signed, then tampered with: the signature covers the raw body.
		String signed = CodeTestSupport.signature(SECRET, body);
		githubDelivery(body.replace("Sneaky", "Sneakier"), "push", signed).andExpect(status().isUnauthorized());
		// A ping without the signature is refused too: nothing is answered before the
		// secret is checked.
		githubDelivery("{}", "ping", null).andExpect(status().isUnauthorized());

		this.mvc.perform(get(codeChanges() + "/" + commit.sha()).session(owner())).andExpect(status().isNotFound());
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, ownerCaller(), "code.pushed", this.project))
			.isEmpty();
		// Refused deliveries are recorded for the settings page, with why.
		this.mvc.perform(get("/orgs/acme/projects/" + this.project + "/settings").session(owner()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-outcome=\"REJECTED\"")))
			.andExpect(content().string(containsString("does not match this hook&#39;s secret")));
	}

	@Test
	void aPingIsAnsweredAndStoresNothing() throws Exception {
		String ping = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1, \"hook\": {\"type\": \"Repository\"}}";
		githubDelivery(ping, "ping", CodeTestSupport.signature(SECRET, ping)).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ignored"))
			.andExpect(jsonPath("$.detail").value(containsString("Ping")));
		this.mvc.perform(get(codeChanges()).session(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.codeChanges.length()").value(0));
	}

	@Test
	void deletedRefsAreIgnoredTagsRecordedAndUnreadablePayloadsRefused() throws Exception {
		String tag = CodeTestSupport.githubPush("refs/tags/v1.0.0",
				new Pushed(CodeTestSupport.sha(), "Release", "2026-03-02T10:15:00Z"));
		githubDelivery(tag, "push", CodeTestSupport.signature(SECRET, tag)).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("accepted"))
			.andExpect(jsonPath("$.detail").value(containsString("Tag v1.0.0 at ")));
		String deletedTag = CodeTestSupport.githubPush("refs/tags/v0.9");
		githubDelivery(deletedTag, "push", CodeTestSupport.signature(SECRET, deletedTag)).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ignored"))
			.andExpect(jsonPath("$.detail").value(containsString("deleted")));
		String deleted = CodeTestSupport.githubPush("refs/heads/old-feature");
		githubDelivery(deleted, "push", CodeTestSupport.signature(SECRET, deleted)).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ignored"));
		String garbage = "payload=%7B%7D";
		githubDelivery(garbage, "push", CodeTestSupport.signature(SECRET, garbage))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("application/json")));
		String shortSha = CodeTestSupport.githubPush("refs/heads/main",
				new Pushed("abc1234", "Short", "2026-03-02T10:15:00Z"));
		githubDelivery(shortSha, "push", CodeTestSupport.signature(SECRET, shortSha))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("commits[0].sha"));
		this.mvc.perform(get(codeChanges()).session(owner())).andExpect(jsonPath("$.codeChanges.length()").value(0));
		this.mvc.perform(get("/orgs/acme/projects/" + this.project + "/settings").session(owner()))
			.andExpect(content().string(containsString("data-outcome=\"IGNORED\"")))
			.andExpect(content().string(containsString("data-outcome=\"INVALID\"")));
	}

	@Test
	void aGitlabPushNeedsTheSecretAsItsToken() throws Exception {
		Pushed commit = new Pushed(CodeTestSupport.sha(), "Tune the cache", "2026-03-03T08:00:00+00:00");
		String body = CodeTestSupport.gitlabPush("refs/heads/develop", commit);
		gitlabDelivery(body, "Push Hook", "wrong-token-0123456789").andExpect(status().isUnauthorized());
		gitlabDelivery(body, "Push Hook", null).andExpect(status().isUnauthorized());
		this.mvc.perform(get(codeChanges() + "/" + commit.sha()).session(owner())).andExpect(status().isNotFound());

		gitlabDelivery(body, "Push Hook", SECRET).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("accepted"))
			.andExpect(jsonPath("$.stored[0]").value(commit.sha()));
		gitlabDelivery(body, "Push Hook", SECRET).andExpect(jsonPath("$.stored.length()").value(0));
		this.mvc.perform(get(codeChanges() + "/" + commit.sha()).session(owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.branch").value("develop"))
			.andExpect(jsonPath("$.author").value("Gabe GitLab"))
			.andExpect(jsonPath("$.source").value("gitlab"));
		assertThat(ProjectTestSupport.auditEvents(this.readAuditLog, ownerCaller(), "code.pushed", this.project))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.actor().type()).isEqualTo(Actor.Type.WEBHOOK);
				assertThat(event.actor().name()).isEqualTo("gitlab push");
				assertThat(event.details()).containsEntry("pusher", "Gabe GitLab");
			});
		String tagPush = CodeTestSupport.gitlabPush("refs/tags/v2");
		gitlabDelivery(tagPush, "Tag Push Hook", SECRET).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("accepted"))
			.andExpect(jsonPath("$.detail").value(containsString("Tag v2 at ")));
	}

	@Test
	void unknownHooksAre404() throws Exception {
		String body = CodeTestSupport.githubPush("refs/heads/main");
		this.mvc
			.perform(post("/api/v1/hooks/github/" + "A".repeat(32)).contentType(MediaType.APPLICATION_JSON)
				.header("X-GitHub-Event", "push")
				.header("X-Hub-Signature-256", CodeTestSupport.signature(SECRET, body))
				.content(body))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/hooks/github/not-a-hook").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/hooks/bitbucket/" + "A".repeat(32)).content(body))
			.andExpect(status().isNotFound());
	}

	@Test
	void aNewSecretKeepsTheUrlsAndRefusesTheOldOne() throws Exception {
		String hooks = CodeTestSupport.webhook(this.mvc, this.project, "the-next-secret-0123456789");
		assertThat(CodeTestSupport.path(hooks, "github")).isEqualTo(this.github);
		String body = CodeTestSupport.githubPush("refs/heads/main",
				new Pushed(CodeTestSupport.sha(), "After rotation", "2026-03-02T10:15:00Z"));
		githubDelivery(body, "push", CodeTestSupport.signature(SECRET, body)).andExpect(status().isUnauthorized());
		githubDelivery(body, "push", CodeTestSupport.signature("the-next-secret-0123456789", body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored.length()").value(1));
	}

	private ResultActions githubDelivery(String body, String event, String signature) throws Exception {
		var request = post(this.github).contentType(MediaType.APPLICATION_JSON)
			.header("X-GitHub-Event", event)
			.header("X-GitHub-Delivery", java.util.UUID.randomUUID().toString())
			.content(body);
		if (signature != null) {
			request.header("X-Hub-Signature-256", signature);
		}
		return this.mvc.perform(request);
	}

	private ResultActions gitlabDelivery(String body, String event, String token) throws Exception {
		var request = post(this.gitlab).contentType(MediaType.APPLICATION_JSON)
			.header("X-Gitlab-Event", event)
			.content(body);
		if (token != null) {
			request.header("X-Gitlab-Token", token);
		}
		return this.mvc.perform(request);
	}

	private String codeChanges() {
		return "/api/v1/orgs/acme/projects/" + this.project + "/code-changes";
	}

	private org.springframework.mock.web.MockHttpSession owner() {
		return ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER);
	}

	private Caller ownerCaller() {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER,
				"acme");
	}

}
