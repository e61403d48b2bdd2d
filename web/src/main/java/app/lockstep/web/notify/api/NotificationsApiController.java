package app.lockstep.web.notify.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.notify.ManageNotificationChannels;
import app.lockstep.domain.notify.NotificationChannel;
import app.lockstep.domain.notify.NotificationDeliveries;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification channels and their delivery log as JSON. Reads with {@code config:read};
 * changes (owners and admins) with {@code deployments:write}. A channel's secret (a Slack
 * or Teams URL, a webhook's signing secret) is accepted, never returned.
 */
@RestController
class NotificationsApiController {

	private final ManageNotificationChannels channels;

	NotificationsApiController(ManageNotificationChannels channels) {
		this.channels = channels;
	}

	record NewBody(@Nullable String kind, @Nullable String name, @Nullable String project, @Nullable String url,
			@Nullable String secret, @Nullable List<String> recipients, @Nullable List<String> events) {
	}

	record ChangeBody(@Nullable String name, @Nullable List<String> events, @Nullable Boolean enabled) {
	}

	@GetMapping("/api/v1/orgs/{org}/notification-channels")
	@RequiresScope(Scope.CONFIG_READ)
	List<Map<String, @Nullable Object>> list(Caller caller) {
		return this.channels.overview(caller, null).channels().stream().map(NotificationsApiController::json).toList();
	}

	@PostMapping("/api/v1/orgs/{org}/notification-channels")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Map<String, @Nullable Object>> add(Caller caller, @RequestBody NewBody body) {
		NotificationChannel added = this.channels.add(caller,
				new ManageNotificationChannels.NewChannel(body.kind(), body.name(), body.project(), body.url(),
						body.secret(), (body.recipients() != null) ? String.join(",", body.recipients()) : null,
						body.events()));
		return ResponseEntity.status(HttpStatus.CREATED).body(json(added));
	}

	@PutMapping("/api/v1/orgs/{org}/notification-channels/{id}")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	Map<String, @Nullable Object> change(Caller caller, @PathVariable UUID id, @RequestBody ChangeBody body) {
		return json(this.channels.change(caller, id,
				new ManageNotificationChannels.Change(body.name(), body.events(), body.enabled())));
	}

	@DeleteMapping("/api/v1/orgs/{org}/notification-channels/{id}")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
		this.channels.remove(caller, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/orgs/{org}/notification-channels/{id}/test")
	@RequiresScope(Scope.DEPLOYMENTS_WRITE)
	ResponseEntity<Void> test(Caller caller, @PathVariable UUID id) {
		this.channels.sendTest(caller, id);
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/api/v1/orgs/{org}/notification-deliveries")
	@RequiresScope(Scope.CONFIG_READ)
	List<Map<String, @Nullable Object>> deliveries(Caller caller,
			@RequestParam(required = false) @Nullable UUID channel) {
		return this.channels.overview(caller, channel).log().stream().map(NotificationsApiController::json).toList();
	}

	private static Map<String, @Nullable Object> json(NotificationChannel channel) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("id", channel.id().toString());
		json.put("kind", channel.kind().key());
		json.put("name", channel.name());
		json.put("project", channel.projectSlug());
		json.put("address", channel.display());
		json.put("recipients", channel.recipients());
		json.put("events", channel.events().stream().sorted().map(NotificationEvent::key).toList());
		json.put("enabled", channel.enabled());
		json.put("createdAt", channel.createdAt().toString());
		json.put("createdBy", channel.createdBy());
		return json;
	}

	private static Map<String, @Nullable Object> json(NotificationDeliveries.Entry entry) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("id", entry.id().toString());
		json.put("channel", entry.channel().toString());
		json.put("channelName", entry.channelName());
		json.put("event", entry.event());
		json.put("subject", entry.subject());
		json.put("status", entry.status().name().toLowerCase(java.util.Locale.ROOT));
		json.put("attempts", entry.attempts());
		json.put("detail", entry.detail());
		json.put("createdAt", entry.createdAt().toString());
		json.put("finishedAt", (entry.finishedAt() != null) ? entry.finishedAt().toString() : null);
		json.put("nextAttemptAt", entry.nextAttemptAt().toString());
		return json;
	}

}
