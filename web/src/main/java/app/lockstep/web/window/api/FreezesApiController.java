package app.lockstep.web.window.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.window.FreezeId;
import app.lockstep.domain.window.ManageOrganizationFreezes;
import app.lockstep.domain.window.OrganizationFreeze;
import app.lockstep.web.shared.RequiresScope;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Organization-wide freezes as JSON: they close every production environment. Any member
 * reads them (tokens: {@code config:read}); adding and removing needs the policies
 * permission (tokens: {@code deployments:write}).
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/freezes")
class FreezesApiController {

	private final ManageOrganizationFreezes freezes;

	FreezesApiController(ManageOrganizationFreezes freezes) {
		this.freezes = freezes;
	}

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	List<FreezeJson> list(Caller caller) {
		return this.freezes.list(caller).stream().map(FreezeJson::of).toList();
	}

	@GetMapping("/{id}")
	@RequiresScope(Scope.CONFIG_READ)
	FreezeJson get(Caller caller, @PathVariable String id) {
		return FreezeJson.of(this.freezes.get(caller, freezeId(id)));
	}

	@PostMapping
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<FreezeJson> add(Caller caller, @RequestBody WindowsRequest.Freeze body) {
		OrganizationFreeze added = this.freezes.add(caller, body.toInput());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(added.id().toString())
			.toUri();
		return ResponseEntity.created(location).body(FreezeJson.of(added));
	}

	@DeleteMapping("/{id}")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Void> remove(Caller caller, @PathVariable String id) {
		this.freezes.remove(caller, freezeId(id));
		return ResponseEntity.noContent().build();
	}

	private static FreezeId freezeId(String id) {
		try {
			return new FreezeId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("No organization-wide freeze " + id + ".");
		}
	}

}
