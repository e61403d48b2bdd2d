package app.lockstep.web.config;

import java.util.List;

import app.lockstep.domain.audit.ReadAuditLog;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.token.TokenTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The config API as a deployer uses it: with a token and its scopes, without CSRF. And
 * the secrets it serves appear nowhere else: not in the log, not in any audit row.
 */
@LockstepTest
@ExtendWith(OutputCaptureExtension.class)
class ConfigApiTokenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	ReadAuditLog readAuditLog;

	@Autowired
	app.lockstep.domain.config.FoldSecretReads foldSecretReads;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	Caller owner;

	String project;

	String secret;

	@BeforeEach
	void configured() {
		this.owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		this.project = ConfigFixtures.project(this.createProject, this.createEnvironment, this.owner);
		this.secret = "never-leak-" + this.project;
		this.save.save(this.owner, new SaveConfigRevision.Command(this.project, "production", null, ConfigFixtures.SPEC,
				List.of(new VariableInput("API_KEY", this.secret, true, Visibility.RUNTIME)), "first"));
	}

	@Test
	void aDeployerTokenReadsWithConfigReadAndCannotWriteWithoutConfigWrite(CapturedOutput output) throws Exception {
		String read = TokenTestSupport.secret(this.mvc, "dev@acme.test", "config:read");
		String url = "/api/v1/orgs/acme/projects/" + this.project + "/environments/production/config";
		this.mvc.perform(get(url).with(TokenTestSupport.bearer(read)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables.API_KEY").value(this.secret));
		this.mvc.perform(get(url + "/revisions").with(TokenTestSupport.bearer(read))).andExpect(status().isOk());
		this.mvc
			.perform(put(url).with(TokenTestSupport.bearer(read))
				.header("If-Match", "\"r1-p0-json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"infrastructure\": \"\", \"variables\": []}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("config:write")));

		String write = TokenTestSupport.secret(this.mvc, "dev@acme.test", "config:read", "config:write");
		this.mvc.perform(put(url).with(TokenTestSupport.bearer(write))
			.header("If-Match", "\"r1-p0-json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"infrastructure\": \"\", \"variables\": [{\"name\": \"API_KEY\", \"value\": \"\", \"sensitive\": true}], \"message\": \"drop the spec\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.revision").value(2));
		this.mvc.perform(get(url).with(TokenTestSupport.bearer(read)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables.API_KEY").value(this.secret));

		assertThat(output.getAll()).doesNotContain(this.secret);
		this.foldSecretReads.foldAll();
		assertThat(this.readAuditLog.read(this.owner, null, 200).events())
			.allSatisfy((event) -> assertThat(event.details().toString()).doesNotContain(this.secret))
			.anySatisfy((event) -> {
				assertThat(event.action()).isEqualTo("config.secrets_read");
				assertThat(event.actor().name()).contains("API token");
			});
	}

	@Test
	void aTokenLimitedToAnotherProjectSeesNothingHere() throws Exception {
		String limited = TokenTestSupport.create(this.mvc, "dev@acme.test",
				"{\"name\": \"shop only\", \"scopes\": [\"config:read\"], \"project\": \"shop\"}");
		String token = com.jayway.jsonpath.JsonPath.read(limited, "$.token");
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + this.project + "/environments/production/config")
				.with(TokenTestSupport.bearer(token)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/shop/environments/production/config")
				.with(TokenTestSupport.bearer(token)))
			.andExpect(status().isOk());
	}

}
