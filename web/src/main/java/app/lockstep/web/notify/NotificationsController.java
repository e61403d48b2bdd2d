package app.lockstep.web.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.notify.ChannelKind;
import app.lockstep.domain.notify.ManageNotificationChannels;
import app.lockstep.domain.notify.NotificationChannel;
import app.lockstep.domain.notify.NotificationDeliveries;
import app.lockstep.domain.notify.NotificationEvent;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;

/**
 * The organization's notification channels (Slack, Teams, signed webhooks, email) with
 * the events each listens to, for the whole organization or one project, and the delivery
 * log: every member sees them; owners and admins add, change, test and remove them.
 */
@Controller
@RequestMapping("/orgs/{org}/notifications")
class NotificationsController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm:ss", Locale.ENGLISH);

	private final ManageNotificationChannels channels;

	private final ViewProjects viewProjects;

	NotificationsController(ManageNotificationChannels channels, ViewProjects viewProjects) {
		this.channels = channels;
		this.viewProjects = viewProjects;
	}

	/** The add form as typed (the secret is never echoed back). */
	record AddForm(String kind, String name, String project, String url, String recipients, Set<String> events) {

		static AddForm empty(@Nullable String project) {
			return new AddForm("slack", "", (project != null) ? project : "", "", "", Set.of("approval_needed",
					"request_blocked", "emergency", "review_due", "deployment_failed", "freeze_starting"));
		}

	}

	@GetMapping
	String page(Caller caller, @RequestParam(required = false) @Nullable UUID channel,
			@RequestParam(required = false) @Nullable String project, Model model) {
		return page(caller, channel, AddForm.empty(project), Map.of(), model);
	}

	@PostMapping
	String add(Caller caller, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String project,
			@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String secret,
			@RequestParam(defaultValue = "") String recipients,
			@RequestParam(name = "events", required = false) @Nullable List<String> events, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> chosen = (events != null) ? events : List.of();
		AddForm form = new AddForm(kind, name, project, (ChannelKind.WEBHOOK.key().equals(kind)) ? url : "", recipients,
				Set.copyOf(chosen));
		return Refusals.onForm(INVALID).submit(response, () -> {
			NotificationChannel added = this.channels.add(caller,
					new ManageNotificationChannels.NewChannel(kind, name, project, url, secret, recipients, chosen));
			redirect.addFlashAttribute("flash",
					"Channel \u201c" + added.name() + "\u201d added. Send a test notice to" + " check it arrives.");
			return "redirect:/orgs/" + caller.organization().slug() + "/notifications";
		}, (refused) -> page(caller, null, form, refused.errors(), model));
	}

	@PostMapping("/{id}")
	String change(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(name = "events", required = false) @Nullable List<String> events,
			@RequestParam(required = false) @Nullable String enabled, RedirectAttributes redirect) {
		caller.require(Permission.MANAGE_POLICIES);
		Refusals.onForm(INVALID).submitOrRedirect(() -> {
			NotificationChannel changed = this.channels.change(caller, id, new ManageNotificationChannels.Change(name,
					(events != null) ? events : List.of(), enabled != null));
			redirect.addFlashAttribute("flash", "Channel \u201c" + changed.name() + "\u201d saved"
					+ (changed.enabled() ? "." : ": switched off, it sends nothing until switched on again."));
			return changed;
		}, (refused) -> {
			redirect.addFlashAttribute("flash", "Nothing was saved: " + String.join(" ", refused.errors().values()));
			redirect.addFlashAttribute("flashTone", "danger");
			return null;
		});
		return "redirect:/orgs/" + caller.organization().slug() + "/notifications#channel-" + id;
	}

	@PostMapping("/{id}/test")
	String test(Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
		this.channels.sendTest(caller, id);
		redirect.addFlashAttribute("flash",
				"Test notice queued: it goes out within seconds and shows in the delivery log below.");
		return "redirect:/orgs/" + caller.organization().slug() + "/notifications?channel=" + id + "#delivery-log";
	}

	@PostMapping("/{id}/delete")
	String delete(Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
		NotificationChannel channel = this.channels.remove(caller, id);
		redirect.addFlashAttribute("flash", "Channel \u201c" + channel.name() + "\u201d removed, with its log.");
		return "redirect:/orgs/" + caller.organization().slug() + "/notifications";
	}

	private String page(Caller caller, @Nullable UUID channel, AddForm form, Map<String, String> errors, Model model) {
		ManageNotificationChannels.Overview overview = this.channels.overview(caller, channel);
		ZoneId zone = caller.organization().timeZone();
		model.addAttribute("section", "settings");
		model.addAttribute("channels", overview.channels().stream().map(ChannelRow::of).toList());
		model.addAttribute("log", overview.log().stream().map((entry) -> LogRow.of(entry, zone)).toList());
		model.addAttribute("logChannel",
				overview.channels()
					.stream()
					.filter((c) -> c.id().equals(channel))
					.map(NotificationChannel::name)
					.findFirst()
					.orElse(null));
		model.addAttribute("events", NotificationEvent.choosable());
		model.addAttribute("kinds", ChannelKind.values());
		model.addAttribute("projects", this.viewProjects.all(caller).stream().map((p) -> p.project()).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", caller.can(Permission.MANAGE_POLICIES));
		model.addAttribute("timeZone", zone.getId());
		return "notify/notifications";
	}

	/** A channel as its card shows it. */
	record ChannelRow(String id, String name, String kind, String scope, String address, List<String> events,
			Set<String> eventKeys, boolean enabled, String created) {

		static ChannelRow of(NotificationChannel channel) {
			return new ChannelRow(channel.id().toString(), channel.name(), channel.kind().label(),
					(channel.projectSlug() != null) ? "Project " + channel.projectSlug() : "All projects",
					channel.display(), channel.events().stream().sorted().map(NotificationEvent::label).toList(),
					channel.events().stream().map(NotificationEvent::key).collect(Collectors.toSet()),
					channel.enabled(), "Added by " + channel.createdBy());
		}

	}

	/** A delivery as the log shows it. */
	record LogRow(String when, String channel, String event, String subject, String status, String tone, int attempts,
			String detail) {

		static LogRow of(NotificationDeliveries.Entry entry, ZoneId zone) {
			String event = NotificationEvent.fromKey(entry.event()).map(NotificationEvent::label).orElse(entry.event());
			String status = switch (entry.status()) {
				case DELIVERED -> "Delivered";
				case FAILED -> "Failed";
				case PENDING -> (entry.attempts() == 0) ? "Sending" : "Retrying";
			};
			String tone = switch (entry.status()) {
				case DELIVERED -> "success";
				case FAILED -> "danger";
				case PENDING -> "warning";
			};
			String detail = (entry.detail() != null) ? entry.detail() : "";
			if (entry.status() == NotificationDeliveries.Status.PENDING && entry.attempts() > 0) {
				detail += "; next try " + WHEN.format(entry.nextAttemptAt().atZone(zone));
			}
			return new LogRow(WHEN.format(entry.createdAt().atZone(zone)), entry.channelName(), event, entry.subject(),
					status, tone, entry.attempts(), detail);
		}

	}

}
