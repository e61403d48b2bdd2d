package app.lockstep.web.project.api;

import java.net.URI;
import java.util.List;

import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.DeleteProject;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.UpdateProject;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.template.CreateProjectFromTemplate;
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
 * Projects as JSON, for automation. Refusals are problem+json (see ApiErrors): 422 with
 * the fields for bad input, 409 for a taken slug, 403 for a role that may not, 404 for an
 * unknown project or an organization the caller is not a member of. API tokens need
 * {@code config:read} to read and {@code config:write} to change; a token limited to a
 * project or environment sees only that one.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects")
class ProjectApiController {

	private final ViewProjects viewProjects;

	private final CreateProject createProject;

	private final UpdateProject updateProject;

	private final DeleteProject deleteProject;

	private final CreateProjectFromTemplate createFromTemplate;

	ProjectApiController(ViewProjects viewProjects, CreateProject createProject, UpdateProject updateProject,
			DeleteProject deleteProject, CreateProjectFromTemplate createFromTemplate) {
		this.createFromTemplate = createFromTemplate;
		this.viewProjects = viewProjects;
		this.createProject = createProject;
		this.updateProject = updateProject;
		this.deleteProject = deleteProject;
	}

	@GetMapping
	@RequiresScope(value = Scope.CONFIG_READ, handlesTokenLimits = true)
	List<ProjectJson> list(Caller caller, HttpServletRequest request) {
		return this.viewProjects.all(caller)
			.stream()
			.filter((project) -> RequestToken.reaches(request, project.project().slug()))
			.map((project) -> ProjectJson.of(visible(project, request)))
			.toList();
	}

	@PostMapping
	@RequiresScope(Scope.CONFIG_WRITE)
	ResponseEntity<ProjectJson> create(Caller caller, @RequestBody ProjectRequest body) {
		String template = (body.template() != null) ? body.template().strip() : "";
		Project project = template.isEmpty() ? this.createProject.create(caller, body.toInput())
				: this.createFromTemplate.create(caller, body.toInput(), template);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{project}")
			.buildAndExpand(project.slug())
			.toUri();
		return ResponseEntity.created(location).body(ProjectJson.of(this.viewProjects.project(caller, project.slug())));
	}

	@GetMapping("/{project}")
	@RequiresScope(value = Scope.CONFIG_READ, handlesTokenLimits = true)
	ProjectJson get(Caller caller, @PathVariable String project, HttpServletRequest request) {
		return ProjectJson.of(visible(this.viewProjects.project(caller, project), request));
	}

	@PatchMapping("/{project}")
	@RequiresScope(Scope.CONFIG_WRITE)
	ProjectJson update(Caller caller, @PathVariable String project, @RequestBody ProjectRequest body) {
		Project updated = this.updateProject.update(caller, project, body.toInput());
		return ProjectJson.of(this.viewProjects.project(caller, updated.slug()));
	}

	/**
	 * Deletes the project and its environments; the audit trail stays. (Unlike the page,
	 * the API asks for no typed confirmation.)
	 */
	@DeleteMapping("/{project}")
	@RequiresScope(Scope.CONFIG_WRITE)
	ResponseEntity<Void> delete(Caller caller, @PathVariable String project) {
		this.deleteProject.delete(caller, project, project);
		return ResponseEntity.noContent().build();
	}

	/** The project with the environments a token limited to one environment may see. */
	private static ProjectWithEnvironments visible(ProjectWithEnvironments project, HttpServletRequest request) {
		String slug = project.project().slug();
		return new ProjectWithEnvironments(project.project(),
				project.environments()
					.stream()
					.filter((environment) -> RequestToken.reaches(request, slug, environment.name()))
					.toList());
	}

}
