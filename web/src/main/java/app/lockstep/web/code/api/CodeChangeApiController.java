package app.lockstep.web.code.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.ViewCodeChanges;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Code changes for forges without a Lockstep webhook: POST the commits of a push
 * ({@code code:write}); idempotent per sha (201 when something new was stored, 200 when
 * every commit was known). Reading them ({@code config:read}): newest received first,
 * {@code ?branch=}, keyset paging with {@code ?before=<nextBefore>&limit=}.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/code-changes")
class CodeChangeApiController {

	private final IngestCodeChanges ingest;

	private final ViewCodeChanges view;

	CodeChangeApiController(IngestCodeChanges ingest, ViewCodeChanges view) {
		this.ingest = ingest;
		this.view = view;
	}

	record CommitsBody(@Nullable List<CommitInput> commits) {
	}

	@PostMapping
	@RequiresScope(Scope.CODE_WRITE)
	ResponseEntity<Map<String, Object>> push(Caller caller, @PathVariable String project, @RequestBody CommitsBody body,
			HttpServletRequest request) {
		IngestCodeChanges.Result result = this.ingest.ingest(caller, project, body.commits());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("received", result.received());
		answer.put("stored", result.stored().size());
		answer.put("shas", result.stored());
		return ResponseEntity.status(result.stored().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
	}

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	Map<String, Object> list(Caller caller, @PathVariable String project,
			@RequestParam(required = false) @Nullable String branch,
			@RequestParam(required = false) @Nullable String before, @RequestParam(defaultValue = "50") int limit) {
		ViewCodeChanges.Page page = this.view.list(caller, project, branch, before, limit);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("codeChanges", page.changes().stream().map(CodeChangeJson::of).toList());
		answer.put("nextBefore", page.nextBefore());
		return answer;
	}

	@GetMapping("/{sha}")
	@RequiresScope(Scope.CONFIG_READ)
	CodeChangeJson get(Caller caller, @PathVariable String project, @PathVariable String sha) {
		CodeChange change = this.view.get(caller, project, sha);
		return CodeChangeJson.of(change);
	}

}
