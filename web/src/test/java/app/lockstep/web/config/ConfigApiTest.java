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
import app.lockstep.web.testing.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@LockstepTest
class ConfigApiTest {

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

	String url;

	MockHttpSession developer;

	@BeforeEach
	void configured() {
		this.owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, "owner@acme.test");
		String project = ConfigFixtures.project(this.createProject, this.createEnvironment, this.owner);
		this.save.save(this.owner,
				new SaveConfigRevision.Command(project, null, null, "",
						List.of(new VariableInput("SHARED", "from-project", false, Visibility.BOTH),
								new VariableInput("LOG_LEVEL", "info", false, Visibility.BOTH)),
						"shared"));
		this.save
			.save(this.owner,
					new SaveConfigRevision.Command(project, "staging", null, ConfigFixtures.SPEC,
							List.of(new VariableInput("LOG_LEVEL", "debug", false, Visibility.BOTH),
									new VariableInput("DB_PASSWORD", "pa$$ \"word\"", true, Visibility.RUNTIME)),
							"first"));
		this.url = "/api/v1/orgs/acme/projects/" + project + "/environments/staging/config";
		this.developer = new SessionCache(this.mvc).sessionOf("dev@acme.test");
	}

	@Test
	void theEffectiveConfigAsJsonWithSecretsAndAStrongEtagAnswering304() throws Exception {
		MvcResult result = this.mvc.perform(get(this.url).session(this.developer))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"r1-p1-json\""))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.infrastructure.applications.app.type").value("php:8.3"))
			.andExpect(jsonPath("$.variables.LOG_LEVEL").value("debug"))
			.andExpect(jsonPath("$.variables.SHARED").value("from-project"))
			.andExpect(jsonPath("$.variables.DB_PASSWORD").value("pa$$ \"word\""))
			.andReturn();
		this.mvc
			.perform(get(this.url).header("If-None-Match", result.getResponse().getHeader("ETag"))
				.session(this.developer))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		this.foldSecretReads.foldAll();
		assertThat(this.readAuditLog.read(this.owner, null, 20).events())
			.anySatisfy((event) -> assertThat(event.action()).isEqualTo("config.secrets_read"))
			.allSatisfy((event) -> assertThat(event.details().toString()).doesNotContain("pa$$"));
	}

	@Test
	void dotenvYamlTheUpsunFileAndAnOlderRevision() throws Exception {
		this.mvc.perform(get(this.url).param("format", "dotenv").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", containsString("-dotenv\"")))
			.andExpect(content().string(containsString("DB_PASSWORD='pa$$ \"word\"'\n")))
			.andExpect(content().string(containsString("SHARED='from-project'\n")));
		this.mvc
			.perform(get(this.url).param("format", "dotenv").param("dialect", "python-dotenv").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", containsString("-dotenv-python\"")))
			.andExpect(content().string(containsString("DB_PASSWORD=\"pa$$ \\\"word\\\"\"\n")));
		this.mvc.perform(get(this.url).param("format", "yaml").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/yaml;charset=UTF-8"))
			.andExpect(content().string(allOf(containsString("revision: 1\n"),
					containsString("infrastructure:\n  applications:\n    app:\n      type: php:8.3\n"),
					containsString("variables:\n"), containsString("  DB_PASSWORD: pa$$ \"word\"\n"))));
		this.mvc.perform(get(this.url).param("format", "upsun").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(ConfigFixtures.SPEC));
		this.mvc.perform(get(this.url).param("revision", "9").session(this.developer)).andExpect(status().isNotFound());
		this.mvc.perform(get(this.url).param("format", "xml").session(this.developer))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get(this.url).param("format", "dotenv").param("dialect", "bash").session(this.developer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("dialect=portable")));
	}

	@Test
	void aValueNoDotenvQuotingServesForEveryReaderIsRefusedByNameNotSentWrong() throws Exception {
		String project = this.url.split("/")[6];
		this.save.save(this.owner,
				new SaveConfigRevision.Command(project, "staging", 1, ConfigFixtures.SPEC,
						List.of(new VariableInput("WINDOWS", "line\r\nbreak", false, Visibility.BOTH),
								new VariableInput("FINE", "ok", false, Visibility.BOTH)),
						"a Windows line break"));
		this.mvc.perform(get(this.url).param("format", "dotenv").session(this.developer))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("variables.WINDOWS"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("carriage return")));
		this.mvc
			.perform(get(this.url).param("format", "dotenv").param("dialect", "python-dotenv").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("WINDOWS=\"line\\r\nbreak\"\n")));
	}

	@Test
	void putNeedsIfMatchRefusesAStaleOneAndAnInvalidConfigAndSavesAGoodOne() throws Exception {
		String body = """
				{"infrastructure": "applications:\\n  app:\\n    type: php:8.4\\n", "variables": [{"name": "LOG_LEVEL", "value": "warn"}], "message": "API"}
				""";
		this.mvc
			.perform(put(this.url).session(this.developer)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isPreconditionRequired());
		this.mvc
			.perform(put(this.url).session(this.developer)
				.with(csrf())
				.header("If-Match", "\"r0-p1-json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.latestRevision").value(1));
		this.mvc
			.perform(put(this.url).session(this.developer)
				.with(csrf())
				.header("If-Match", "\"r1-p1-json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("php:8.4", "cobol:85")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].line").value(3));
		this.mvc
			.perform(put(this.url).session(this.developer)
				.with(csrf())
				.header("If-Match", "\"r1-p1-json\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"r2-p1-json\""))
			.andExpect(jsonPath("$.revision").value(2));
		this.mvc.perform(get(this.url + "/revisions").param("limit", "1").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revisions[0].number").value(2))
			.andExpect(jsonPath("$.next").value(2));
		this.mvc.perform(get(this.url + "/revisions/1").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables[1].name").value("DB_PASSWORD"))
			.andExpect(jsonPath("$.variables[1].set").value(true))
			.andExpect(jsonPath("$.variables[1].value").doesNotExist());
		this.mvc.perform(get(this.url + "/diff").param("from", "1").param("to", "2").session(this.developer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variables[?(@.name == 'DB_PASSWORD')].kind").value("REMOVED"))
			.andExpect(jsonPath("$.variables[?(@.name == 'DB_PASSWORD')].before")
				.value(org.hamcrest.Matchers.contains((Object) null)));
	}

	@Test
	void readersWithoutTheRightToSecretsAndOtherOrganizationsAreRefused() throws Exception {
		this.mvc.perform(get(this.url).session(new SessionCache(this.mvc).sessionOf("viewer@acme.test")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(this.url).session(new SessionCache(this.mvc).sessionOf("owner@globex.test")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(this.url)).andExpect(status().isUnauthorized());
	}

}
