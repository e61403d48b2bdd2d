package app.lockstep.web.project.api;

import java.net.URI;
import java.util.List;

import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.DeleteEnvironment;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.UpdateEnvironment;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequestToken;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A project's environments as JSON, in promotion order. PATCH with a position moves the
 * environment; the others are renumbered 1..n without gaps. API tokens need
 * {@code config:read} to read and {@code config:write} to change; a token limited to one
 * environment sees only that one.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments")
class EnvironmentApiController {

	private final ViewProjects viewProjects;

	private final CreateEnvironment createEnvironment;

	private final UpdateEnvironment updateEnvironment;

	private final DeleteEnvironment deleteEnvironment;

	EnvironmentApiController(ViewProjects viewProjects, CreateEnvironment createEnvironment,
			UpdateEnvironment updateEnvironment, DeleteEnvironment deleteEnvironment) {
		this.viewProjects = viewProjects;
		this.createEnvironment = createEnvironment;
		this.updateEnvironment = updateEnvironment;
		this.deleteEnvironment = deleteEnvironment;
	}

	@GetMapping
	@RequiresScope(value = Scope.CONFIG_READ, handlesTokenLimits = true)
	List<EnvironmentJson> list(Caller caller, @PathVariable String project, HttpServletRequest request) {
		return this.viewProjects.project(caller, project)
			.environments()
			.stream()
			.filter((environment) -> RequestToken.reaches(request, project, environment.name()))
			.map(EnvironmentJson::of)
			.toList();
	}

	@PostMapping
	@RequiresScope(Scope.CONFIG_WRITE)
	ResponseEntity<EnvironmentJson> create(Caller caller, @PathVariable String project,
			@RequestBody EnvironmentRequest body) {
		Environment environment = this.createEnvironment.create(caller, project, body.toInput());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{environment}")
			.buildAndExpand(environment.name())
			.toUri();
		return ResponseEntity.created(location).body(EnvironmentJson.of(environment));
	}

	@GetMapping("/{environment}")
	@RequiresScope(Scope.CONFIG_READ)
	EnvironmentJson get(Caller caller, @PathVariable String project, @PathVariable String environment) {
		return EnvironmentJson.of(this.viewProjects.environment(caller, project, environment));
	}

	@PatchMapping("/{environment}")
	@RequiresScope(Scope.CONFIG_WRITE)
	EnvironmentJson update(Caller caller, @PathVariable String project, @PathVariable String environment,
			@RequestBody EnvironmentRequest body) {
		return EnvironmentJson.of(this.updateEnvironment.update(caller, project, environment, body.toInput()));
	}

	/**
	 * Deletes the environment (no typed confirmation on the API); the audit trail stays.
	 */
	@DeleteMapping("/{environment}")
	@RequiresScope(Scope.CONFIG_WRITE)
	ResponseEntity<Void> delete(Caller caller, @PathVariable String project, @PathVariable String environment) {
		this.deleteEnvironment.delete(caller, project, environment, environment);
		return ResponseEntity.noContent().build();
	}

}
