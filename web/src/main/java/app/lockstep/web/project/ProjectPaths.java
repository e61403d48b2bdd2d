package app.lockstep.web.project;

import org.springframework.web.util.UriComponentsBuilder;

/** Where the project pages live, for redirects. */
final class ProjectPaths {

	private ProjectPaths() {
	}

	static String dashboard(String org) {
		return UriComponentsBuilder.fromPath("/orgs/{org}").buildAndExpand(org).encode().toUriString();
	}

	static String project(String org, String project) {
		return UriComponentsBuilder.fromPath("/orgs/{org}/projects/{project}")
			.buildAndExpand(org, project)
			.encode()
			.toUriString();
	}

	static String environment(String org, String project, String environment) {
		return UriComponentsBuilder.fromPath("/orgs/{org}/projects/{project}/environments/{environment}")
			.buildAndExpand(org, project, environment)
			.encode()
			.toUriString();
	}

}
