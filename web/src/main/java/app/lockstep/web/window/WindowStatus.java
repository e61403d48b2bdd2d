package app.lockstep.web.window;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.ViewDeploymentWindows;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The windows card for the environment page ({@code templates/window/fragments/status}):
 * other features' controllers ask this for the model attribute the fragment reads.
 */
@Component
public class WindowStatus {

	private final ViewDeploymentWindows viewDeploymentWindows;

	WindowStatus(ViewDeploymentWindows viewDeploymentWindows) {
		this.viewDeploymentWindows = viewDeploymentWindows;
	}

	/** The card of this environment, now. */
	public WindowStatusView of(Caller caller, String project, String environment) {
		return view(caller, this.viewDeploymentWindows.view(caller, project, environment));
	}

	static WindowStatusView view(Caller caller, ViewDeploymentWindows.Overview overview) {
		return WindowStatusView.of(overview,
				path(caller.organization().slug(), overview.project().slug(), overview.environment().name()),
				caller.can(Permission.MANAGE_POLICIES));
	}

	static String path(String org, String project, String environment) {
		return UriComponentsBuilder.fromPath("/orgs/{org}/projects/{project}/environments/{environment}/windows")
			.buildAndExpand(org, project, environment)
			.encode()
			.toUriString();
	}

}
