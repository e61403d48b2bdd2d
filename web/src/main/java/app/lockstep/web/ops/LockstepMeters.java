package app.lockstep.web.ops;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Lockstep's own meters, named in one place (Prometheus adds {@code _total} to counters
 * and {@code _seconds} to timers). Every tag takes its values from a small fixed set: no
 * organization, project, person or id is ever a tag, so the numbers describe the service,
 * not a tenant.
 */
@Component
public class LockstepMeters {

	static final String DISPATCH_DELAY = "lockstep.dispatch.delay";

	static final String DEPLOYER_DELIVERIES = "lockstep.deployer.deliveries";

	static final String WEBHOOK_DELIVERIES = "lockstep.webhook.deliveries";

	static final String AUDIT_APPENDS = "lockstep.audit.appends";

	static final String AUDIT_VERIFICATIONS = "lockstep.audit.verifications";

	static final String CONFIG_READS = "lockstep.config.reads";

	static final String DEPLOYMENT_TRANSITIONS = "lockstep.deployments.transitions";

	private static final String DEPLOYER_DELIVERIES_HELP = "Deliveries of deployments to deployers' webhooks, by outcome";

	private static final String DEPLOYMENT_TRANSITIONS_HELP = "Deployments reaching a status (from their audit events)";

	private static final Set<String> FORMATS = Set.of("json", "yaml", "upsun", "dotenv");

	/** The audit actions that record a deployment reaching a status. */
	private static final List<String> DEPLOYMENT_STATUSES = List.of("requested", "scheduled", "waiting_for_window",
			"started", "succeeded", "failed", "rejected", "cancelled");

	private final MeterRegistry registry;

	private final Timer dispatchDelay;

	public LockstepMeters(MeterRegistry registry) {
		this.registry = registry;
		this.dispatchDelay = Timer.builder(DISPATCH_DELAY)
			.description("How late a due deployment was handed to its target (due time to start)")
			.serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
					Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
					Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
			.minimumExpectedValue(Duration.ofMillis(100))
			.maximumExpectedValue(Duration.ofHours(2))
			.register(registry);
		// Every series the dashboard draws exists from the start, at zero, so that a rate
		// is
		// defined before the first event and an absent series means a broken scrape.
		for (String outcome : List.of("accepted", "retry", "refused")) {
			counter(DEPLOYER_DELIVERIES, DEPLOYER_DELIVERIES_HELP, "outcome", outcome);
		}
		for (String forge : List.of("github", "gitlab")) {
			for (String outcome : List.of("accepted", "ignored", "rejected", "invalid")) {
				webhookCounter(forge, outcome);
			}
		}
		for (boolean verified : List.of(true, false)) {
			verificationCounter(verified);
		}
		for (String format : FORMATS) {
			for (String outcome : List.of("sent", "not_modified", "refused")) {
				configReadCounter(format, outcome);
			}
		}
		for (String status : DEPLOYMENT_STATUSES) {
			counter(DEPLOYMENT_TRANSITIONS, DEPLOYMENT_TRANSITIONS_HELP, "status", status);
		}
	}

	/** Meters that go nowhere, for code built outside the application context. */
	public static LockstepMeters detached() {
		return new LockstepMeters(new SimpleMeterRegistry());
	}

	/** A due deployment was handed to its target {@code delay} after it became due. */
	public void dispatched(Duration delay) {
		this.dispatchDelay.record(delay.isNegative() ? Duration.ZERO : delay);
	}

	/**
	 * One delivery to a deployer's webhook: {@code accepted}, {@code retry} or
	 * {@code refused}.
	 */
	public void deployerDelivery(String outcome) {
		counter(DEPLOYER_DELIVERIES, "Deliveries of deployments to deployers' webhooks, by outcome", "outcome", outcome)
			.increment();
	}

	/**
	 * One push webhook received from a forge, by its outcome ({@code accepted},
	 * {@code ignored}, {@code rejected} for a bad signature, {@code invalid}).
	 */
	public void webhookDelivery(String forge, String outcome) {
		webhookCounter(forge, outcome).increment();
	}

	/** One audit event appended (counted in its transaction). */
	public void auditAppend(String action) {
		counter(AUDIT_APPENDS, "Audit events appended, by action", "action", action).increment();
		if (action.startsWith("deployment.")) {
			String status = action.substring("deployment.".length());
			if (DEPLOYMENT_STATUSES.contains(status)) {
				counter(DEPLOYMENT_TRANSITIONS, DEPLOYMENT_TRANSITIONS_HELP, "status", status).increment();
			}
		}
	}

	/** One audit chain verification and its result. */
	public void verification(boolean verified) {
		counter(AUDIT_VERIFICATIONS, "Audit chain verifications, by result", "result", verified ? "verified" : "broken")
			.increment();
	}

	/**
	 * One read of an environment's config through the API: its format and whether it was
	 * {@code sent} (200), {@code not_modified} (304) or {@code refused}.
	 */
	public void configRead(String format, String outcome) {
		configReadCounter(FORMATS.contains(format) ? format : "other", outcome).increment();
	}

	private Counter webhookCounter(String forge, String outcome) {
		return Counter.builder(WEBHOOK_DELIVERIES)
			.description("Push webhooks received from forges, by forge and outcome")
			.tag("forge", forge.toLowerCase(Locale.ROOT))
			.tag("outcome", outcome.toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

	private Counter verificationCounter(boolean verified) {
		return counter(AUDIT_VERIFICATIONS, "Audit chain verifications, by result", "result",
				verified ? "verified" : "broken");
	}

	private Counter configReadCounter(String format, String outcome) {
		return Counter.builder(CONFIG_READS)
			.description("Config reads through the API, by format and outcome (304s are not_modified)")
			.tag("format", format)
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter counter(String name, String description, String tag, String value) {
		return Counter.builder(name).description(description).tag(tag, value).register(this.registry);
	}

}
