package app.lockstep.web.token.api;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.token.CreateApiToken;
import app.lockstep.domain.token.ListApiTokens;
import app.lockstep.domain.token.RevokeApiToken;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens as JSON. A browser session (with the CSRF header) or a token with
 * {@code tokens:write} may create, list and revoke the caller's own tokens (owners and
 * admins: everyone's). A token creates tokens only within itself: its scopes, its project
 * or environment, its expiry.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/tokens")
class TokenApiController {

	private final CreateApiToken createApiToken;

	private final ListApiTokens listApiTokens;

	private final RevokeApiToken revokeApiToken;

	private final Clock clock;

	TokenApiController(CreateApiToken createApiToken, ListApiTokens listApiTokens, RevokeApiToken revokeApiToken,
			Clock clock) {
		this.createApiToken = createApiToken;
		this.listApiTokens = listApiTokens;
		this.revokeApiToken = revokeApiToken;
		this.clock = clock;
	}

	@PostMapping
	@RequiresScope(value = Scope.TOKENS_WRITE, handlesTokenLimits = true)
	ResponseEntity<CreatedTokenJson> create(Caller caller, @RequestBody TokenRequest body, HttpServletRequest request) {
		CreateApiToken.Issued issued = this.createApiToken.create(caller, body.toInput());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(CreatedTokenJson.of(issued));
	}

	@GetMapping
	@RequiresScope(value = Scope.TOKENS_WRITE, handlesTokenLimits = true)
	List<TokenJson> list(Caller caller) {
		return this.listApiTokens.list(caller)
			.stream()
			.map((token) -> TokenJson.of(token, this.clock.instant()))
			.toList();
	}

	@DeleteMapping("/{id}")
	@RequiresScope(value = Scope.TOKENS_WRITE, handlesTokenLimits = true)
	ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
		this.revokeApiToken.revoke(caller, id);
		return ResponseEntity.noContent().build();
	}

}
