package app.lockstep.web.code.api;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tags for forges without a Lockstep webhook: POST the tag and the commit it points at
 * ({@code code:write}); 201 when new, 200 when known. Environments following matching
 * tags deploy that commit's build.
 */
@RestController
class TagApiController {

	private final IngestCodeChanges ingest;

	TagApiController(IngestCodeChanges ingest) {
		this.ingest = ingest;
	}

	record TagBody(@Nullable String tag, @Nullable String sha) {
	}

	@PostMapping("/api/v1/orgs/{org}/projects/{project}/tags")
	@RequiresScope(Scope.CODE_WRITE)
	ResponseEntity<Map<String, Object>> tag(Caller caller, @PathVariable String project, @RequestBody TagBody body) {
		boolean added = this.ingest.tag(caller, project, body.tag(), body.sha());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("stored", added);
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
	}

}
