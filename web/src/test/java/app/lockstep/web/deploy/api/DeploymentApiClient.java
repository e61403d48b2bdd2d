package app.lockstep.web.deploy.api;

import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.web.deploy.DeploymentScheduler;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import com.jayway.jsonpath.JsonPath;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The deployment API of one {@link DeploymentScenario}'s project (development, staging,
 * production), called as a demo person's browser session (with CSRF); builds and config
 * revisions come from the scenario.
 */
final class DeploymentApiClient {

	static final String OWNER = ProjectTestSupport.OWNER;

	static final String LEAD = ProjectTestSupport.LEAD;

	static final String DEVELOPER = ProjectTestSupport.DEVELOPER;

	static final String VIEWER = ProjectTestSupport.VIEWER;

	static final String AUDITOR = ProjectTestSupport.AUDITOR;

	static final String GLOBEX_OWNER = ProjectTestSupport.GLOBEX_OWNER;

	static final String DIGEST = "sha256:" + "0a1b2c3d".repeat(8);

	final MockMvc mvc;

	final DeploymentScheduler scheduler;

	final DeploymentScenario scenario;

	final String project;

	DeploymentApiClient(MockMvc mvc, DeploymentScheduler scheduler, DeploymentScenario scenario) {
		this.mvc = mvc;
		this.scheduler = scheduler;
		this.scenario = scenario;
		this.project = scenario.slug();
	}

	/**
	 * A client of a new scenario project in acme with development, staging and
	 * production.
	 */
	static DeploymentApiClient forNewProject(ApplicationContext context, String prefix) {
		return new DeploymentApiClient(context.getBean(MockMvc.class), context.getBean(DeploymentScheduler.class),
				DeploymentScenario.inAcme(context).project(prefix));
	}

	MockHttpSession as(String email) {
		return ProjectTestSupport.session(this.mvc, email);
	}

	String environmentUrl(String environment) {
		return "/api/v1/orgs/acme/projects/" + this.project + "/environments/" + environment;
	}

	String deployments(String environment) {
		return environmentUrl(environment) + "/deployments";
	}

	String deployment(String environment, String id) {
		return deployments(environment) + "/" + id;
	}

	/** Registers a build of this version (as the developer) and returns its version. */
	String artifact(String version) {
		this.scenario.artifact(this.scenario.caller(DEVELOPER), version, DeploymentScenario.sha(), DIGEST);
		return version;
	}

	/** Saves a new config revision of the environment and returns its number. */
	int config(String environment, String logLevel) {
		return this.scenario.nextConfig(environment, "applications:\n  app:\n    type: php:8.3\n",
				List.of(new VariableInput("LOG_LEVEL", logLevel, false, Visibility.BOTH)), "test");
	}

	ResultActions request(String email, String environment, String json) throws Exception {
		return send(post(deployments(environment)), email, json);
	}

	/** A request that must be accepted; its JSON answer. */
	String requested(String email, String environment, String json) throws Exception {
		return body(201, request(email, environment, json).andReturn());
	}

	ResultActions decide(String email, String environment, String id, String decision, String comment)
			throws Exception {
		String body = (comment != null) ? "{\"decision\": \"" + decision + "\", \"comment\": \"" + comment + "\"}"
				: "{\"decision\": \"" + decision + "\"}";
		return send(post(deployment(environment, id) + "/approvals"), email, body);
	}

	ResultActions approve(String email, String environment, String id) throws Exception {
		return decide(email, environment, id, "approve", null);
	}

	ResultActions change(String email, String environment, String id, String json) throws Exception {
		return send(patch(deployment(environment, id)), email, json);
	}

	ResultActions cancel(String email, String environment, String id) throws Exception {
		return send(post(deployment(environment, id) + "/cancel"), email, "{\"reason\": \"not today\"}");
	}

	ResultActions report(String email, String environment, String id, String status, String message) throws Exception {
		return send(post(deployment(environment, id) + "/status"), email,
				"{\"status\": \"" + status + "\", \"message\": \"" + message + "\"}");
	}

	ResultActions review(String email, String environment, String id, String comment) throws Exception {
		return send(post(deployment(environment, id) + "/review"), email, "{\"comment\": \"" + comment + "\"}");
	}

	ResultActions putPolicy(String email, String environment, String json) throws Exception {
		return send(put(environmentUrl(environment) + "/approval-policy"), email, json);
	}

	void policy(String environment, String json) throws Exception {
		expect(200, putPolicy(OWNER, environment, json).andReturn());
	}

	ResultActions putTarget(String email, String environment, String json) throws Exception {
		return send(put(environmentUrl(environment) + "/deploy-target"), email, json);
	}

	void windows(String environment, String json) throws Exception {
		expect(200, send(put(environmentUrl(environment) + "/windows"), OWNER, json).andReturn());
	}

	/** A JSON body sent as this person's browser session, with CSRF. */
	private ResultActions send(MockHttpServletRequestBuilder request, String email, String json) throws Exception {
		return this.mvc
			.perform(request.session(as(email)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** The deployment as the owner reads it. */
	String read(String environment, String id) throws Exception {
		return body(200, this.mvc.perform(get(deployment(environment, id)).session(as(OWNER))).andReturn());
	}

	String status(String environment, String id) throws Exception {
		return JsonPath.read(read(environment, id), "$.status");
	}

	String list(String environment) throws Exception {
		return body(200, this.mvc.perform(get(deployments(environment)).session(as(OWNER))).andReturn());
	}

	int runOnce() {
		return this.scheduler.runOnce();
	}

	/**
	 * Puts this artifact (with the latest config) on an environment whose gate needs no
	 * approval and whose windows are open: requested by the owner, started by the
	 * scheduler, reported succeeded. Returns the deployment's id.
	 */
	String deploySuccessfully(String environment, String version) throws Exception {
		String id = JsonPath.read(requested(OWNER, environment, "{\"artifact\": \"" + version + "\"}"), "$.id");
		runOnce();
		String running = status(environment, id);
		if (!"running".equals(running)) {
			throw new IllegalStateException("Expected " + id + " to run, it is " + running);
		}
		expect(200, report(OWNER, environment, id, "succeeded", "done").andReturn());
		return id;
	}

	/**
	 * Puts this artifact on production through its gate: requested by the owner, approved
	 * by the lead, started and reported succeeded. Returns the deployment's id.
	 */
	String deployThroughTheGate(String version) throws Exception {
		String id = JsonPath.read(requested(OWNER, "production", "{\"artifact\": \"" + version + "\"}"), "$.id");
		expect(201, approve(LEAD, "production", id).andReturn());
		runOnce();
		String running = status("production", id);
		if (!"running".equals(running)) {
			throw new IllegalStateException("Expected " + id + " to run, it is " + running);
		}
		expect(200, report(OWNER, "production", id, "succeeded", "done").andReturn());
		return id;
	}

	/** Audit events of this organization with this action about this project. */
	List<Map<String, Object>> audit(String action) throws Exception {
		String json = body(200,
				this.mvc
					.perform(get("/api/v1/orgs/acme/audit").param("action", action)
						.param("project", this.project)
						.param("limit", "200")
						.session(as(OWNER)))
					.andReturn());
		List<Map<String, Object>> events = JsonPath.read(json, "$.events");
		return events.stream().filter((e) -> action.equals(e.get("action"))).toList();
	}

	static String body(int status, MvcResult result) throws Exception {
		expect(status, result);
		return result.getResponse().getContentAsString();
	}

	static void expect(int status, MvcResult result) throws Exception {
		if (result.getResponse().getStatus() != status) {
			throw new IllegalStateException("Expected " + status + ", got " + result.getResponse().getStatus() + ": "
					+ result.getResponse().getContentAsString());
		}
	}

}
