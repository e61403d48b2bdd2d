package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.DeploymentId;

import org.springframework.web.util.UriComponentsBuilder;

/** Where the deployment pages live, for redirects and form actions. */
final class DeploymentPaths {

	private static final String ENVIRONMENT = "/orgs/{org}/projects/{project}/environments/{environment}";

	private DeploymentPaths() {
	}

	static String environment(String org, String project, String environment) {
		return expand(ENVIRONMENT, org, project, environment);
	}

	static String deployment(String org, String project, String environment, DeploymentId id) {
		return expand(ENVIRONMENT + "/deployments/{id}", org, project, environment, id.toString());
	}

	static String settings(String org, String project, String environment) {
		return expand(ENVIRONMENT + "/deployment-settings", org, project, environment);
	}

	private static String expand(String template, Object... values) {
		return UriComponentsBuilder.fromPath(template).buildAndExpand(values).encode().toUriString();
	}

}
