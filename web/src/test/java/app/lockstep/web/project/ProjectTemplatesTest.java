package app.lockstep.web.project;

import java.util.List;

import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Project templates over HTTP and the real database: saved from a project (environments,
 * gates, windows, shared variable names, spec skeleton), a new project created from one
 * gets all of it, its drift is shown and brought back in line; a refusal while creating
 * saves nothing; only policy managers save templates.
 */
@LockstepTest
class ProjectTemplatesTest extends ScenarioTestBase {

	private static final String SPEC = "applications:\n  app:\n    type: \"php:8.3\"\n";

	@Test
	void aProjectCreatedFromATemplateGetsItsShapeAndItsDriftCanBeBroughtBack() throws Exception {
		DeploymentScenario model = scenario().project("template-model");
		model.config("production", null, SPEC, List.of(), "Spec");
		model.config(null, null, "", List.of(new VariableInput("DATABASE_URL", "postgres://x", false, Visibility.BOTH)),
				"Shared");
		this.context.getBean(ConfigureApprovalPolicy.class)
			.update(model.owner(), model.slug(), "production",
					new ConfigureApprovalPolicy.Input(2, List.of("LEAD", "ADMIN"), false, 24, "staging"));
		String slug = ProjectTestSupport.uniqueSlug("web");
		post("/api/v1/orgs/acme/templates",
				"{\"project\": \"" + model.slug() + "\", \"slug\": \"" + slug + "\", \"name\": \"Web " + slug + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.environments.length()").value(3))
			.andExpect(jsonPath("$.environments[2].requiredApprovals").value(2))
			.andExpect(jsonPath("$.sharedVariables[0]").value("DATABASE_URL"))
			.andExpect(jsonPath("$.specSkeleton").value(SPEC));

		String created = ProjectTestSupport.uniqueSlug("from-template");
		post("/api/v1/orgs/acme/projects",
				"{\"slug\": \"" + created + "\", \"name\": \"From template\", \"template\": \"" + slug + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.environments.length()").value(3));
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + created + "/environments/production/approval-policy")
				.session(as(ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.requiredApprovals").value(2))
			.andExpect(jsonPath("$.requiresSuccessIn").value("staging"));
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + created + "/environments/staging/config")
				.session(as(ProjectTestSupport.DEVELOPER)))
			.andExpect(jsonPath("$.infrastructure.applications.app.type").value("php:8.3"))
			.andExpect(jsonPath("$.variables.DATABASE_URL").value(""));
		drift(created).andExpect(jsonPath("$.template").value(slug))
			.andExpect(jsonPath("$.differences.length()").value(0));

		this.context.getBean(ConfigureApprovalPolicy.class)
			.update(model.owner(), created, "production",
					new ConfigureApprovalPolicy.Input(0, List.of(), false, 72, null));
		this.mvc
			.perform(MockMvcRequestBuilders.post("/orgs/acme/projects/" + created + "/environments/development/delete")
				.session(as(ProjectTestSupport.OWNER))
				.with(csrf())
				.param("confirmation", "development"))
			.andExpect(status().is3xxRedirection());
		String json = drift(created).andReturn().getResponse().getContentAsString();
		List<String> what = JsonPath.read(json, "$.differences[*].what");
		assertThat(what).contains("environment", "approval gate");
		this.mvc.perform(get("/orgs/acme/projects/" + created).session(as(ProjectTestSupport.OWNER)))
			.andExpect(content().string(containsString("id=\"template-differences\"")))
			.andExpect(content().string(containsString("id=\"bring-in-line\"")));

		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/orgs/acme/projects/" + created + "/template-drift/apply")
				.session(as(ProjectTestSupport.DEVELOPER))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(MockMvcRequestBuilders.post("/orgs/acme/projects/" + created + "/template/apply")
				.session(as(ProjectTestSupport.OWNER))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		drift(created).andExpect(jsonPath("$.differences[?(@.fixable == true)]").isEmpty());
		this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + created + "/environments/production/approval-policy")
				.session(as(ProjectTestSupport.OWNER)))
			.andExpect(jsonPath("$.requiredApprovals").value(2));
	}

	@Test
	void aRefusedCreationSavesNothingAndOnlyPolicyManagersSaveTemplates() throws Exception {
		DeploymentScenario model = scenario().project("template-refused");
		String slug = ProjectTestSupport.uniqueSlug("tpl");
		this.mvc
			.perform(MockMvcRequestBuilders.post("/api/v1/orgs/acme/templates")
				.session(as(ProjectTestSupport.DEVELOPER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"project\": \"" + model.slug() + "\", \"slug\": \"" + slug + "\", \"name\": \"T\"}"))
			.andExpect(status().isForbidden());
		post("/api/v1/orgs/acme/templates", "{\"project\": \"" + model.slug() + "\", \"slug\": \"Bad Slug\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("slug"))
			.andExpect(jsonPath("$.errors[1].field").value("name"));
		post("/api/v1/orgs/acme/templates",
				"{\"project\": \"" + model.slug() + "\", \"slug\": \"" + slug + "\", \"name\": \"T\"}")
			.andExpect(status().isCreated());

		post("/api/v1/orgs/acme/projects",
				"{\"slug\": \"" + model.slug() + "\", \"name\": \"Taken\", \"template\": \"" + slug + "\"}")
			.andExpect(status().isConflict());
		post("/api/v1/orgs/acme/projects", "{\"slug\": \"never-made\", \"name\": \"X\", \"template\": \"no-such\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("template"));
		this.mvc.perform(get("/api/v1/orgs/acme/projects/never-made").session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orgs/acme/templates").session(as(ProjectTestSupport.VIEWER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(slug)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"template-form\""))));
	}

	private ResultActions post(String path, String json) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.post(path)
			.session(as(ProjectTestSupport.OWNER))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private ResultActions drift(String project) throws Exception {
		return this.mvc
			.perform(get("/api/v1/orgs/acme/projects/" + project + "/template-drift")
				.session(as(ProjectTestSupport.OWNER)))
			.andExpect(status().isOk());
	}

}
