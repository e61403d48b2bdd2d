package app.lockstep.web.code.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.code.ViewArtifacts;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Artifacts, registered by CI ({@code deployments:write}): 201 for a new version, 200 for
 * the same build registered again, 409 for the same version with another commit or digest
 * (artifacts are immutable). Reading them ({@code config:read}): newest first with keyset
 * paging, or one by version.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/artifacts")
class ArtifactApiController {

	private final RegisterArtifact register;

	private final ViewArtifacts view;

	ArtifactApiController(RegisterArtifact register, ViewArtifacts view) {
		this.register = register;
		this.view = view;
	}

	@PostMapping
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<?> register(Caller caller, @PathVariable String project, @RequestBody RegisterArtifact.Input body,
			HttpServletRequest request) {
		RegisterArtifact.Registration registration = this.register.register(caller, project, body);
		ArtifactJson artifact = ArtifactJson.of(registration.artifact());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{version}")
			.buildAndExpand(artifact.version())
			.toUri();
		return switch (registration.outcome()) {
			case CREATED -> ResponseEntity.created(location).body(artifact);
			case UNCHANGED -> ResponseEntity.ok().location(location).body(artifact);
			case CONFLICT -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
						"Version " + artifact.version() + " is already registered with commit " + artifact.commitSha()
								+ " and digest " + artifact.digest()
								+ "; artifacts are immutable, so register the new build under a new version.");
				problem.setTitle("Conflict");
				problem.setProperty("existing", artifact);
				yield ResponseEntity.status(HttpStatus.CONFLICT)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
		};
	}

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, Object> list(Caller caller, @PathVariable String project,
			@RequestParam(required = false) @Nullable String before, @RequestParam(defaultValue = "50") int limit) {
		ViewArtifacts.Page page = this.view.list(caller, project, before, limit);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("artifacts", page.artifacts().stream().map(ArtifactJson::of).toList());
		answer.put("nextBefore", page.nextBefore());
		return answer;
	}

	@GetMapping("/{version}")
	@RequiresScope(Scope.CONFIG_READ)
	ArtifactJson get(Caller caller, @PathVariable String project, @PathVariable String version) {
		return ArtifactJson.of(this.view.get(caller, project, version));
	}

}
