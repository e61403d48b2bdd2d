package app.lockstep.web.code.api;

import java.util.Map;

import app.lockstep.domain.code.ConfigureWebhook;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.code.HookUrls;
import app.lockstep.web.shared.RequiresScope;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For automation that configures the forge too: sets the project's webhook secret (and,
 * the first time, creates the hook) and answers the hook URLs, {@code {"github": <url>,
 * "gitlab": <url>}} ({@code code:write}). The URLs stay the same when the secret changes.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/webhook-secret")
class WebhookSecretApiController {

	private final ConfigureWebhook configureWebhook;

	WebhookSecretApiController(ConfigureWebhook configureWebhook) {
		this.configureWebhook = configureWebhook;
	}

	record SecretBody(@Nullable String secret) {
	}

	@PutMapping
	@RequiresScope(Scope.CODE_WRITE)
	Map<String, String> put(Caller caller, @PathVariable String project, @RequestBody SecretBody body,
			HttpServletRequest request) {
		ConfigureWebhook.Configured configured = this.configureWebhook.set(caller, project, body.secret());
		return HookUrls.all(configured.webhook().hookId());
	}

}
