package app.lockstep.web.window.api;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.window.UpdateDeploymentWindows;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.web.shared.RequiresScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An environment's deployment windows as JSON. GET (any member; tokens with
 * {@code config:read}) answers the rules and whether it is open now; PUT replaces the
 * rules (members who manage policies; tokens with {@code deployments:write}), 422 with
 * the fields at fault and nothing saved on bad input.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments/{environment}/windows")
class WindowsApiController {

	private final ViewDeploymentWindows view;

	private final UpdateDeploymentWindows update;

	WindowsApiController(ViewDeploymentWindows view, UpdateDeploymentWindows update) {
		this.view = view;
		this.update = update;
	}

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	WindowsJson get(Caller caller, @PathVariable String project, @PathVariable String environment) {
		return WindowsJson.of(this.view.view(caller, project, environment));
	}

	@PutMapping
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	WindowsJson put(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestBody WindowsRequest body) {
		return WindowsJson.of(this.update.update(caller, project, environment, body.toInput()));
	}

}
