package app.lockstep.web.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.deploy.ReviewEmergency;
import app.lockstep.domain.access.Caller;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A deployment history for the demo, made through the normal use cases (so it is in the
 * audit trail): pushes and builds of shop, staging deployments, production's gate
 * requiring success on staging, an emergency hotfix on production with its review, a
 * rejected request, an approved one scheduled for the next Tuesday morning and one
 * waiting in the approval queue. It works on any day: production's windows (no Friday or
 * weekend deploys) only matter for the approved request, which is scheduled inside them.
 */
@Component
class DemoDeployments {

	private final IngestCodeChanges ingest;

	private final RegisterArtifact register;

	private final ConfigureApprovalPolicy policies;

	private final RequestDeployment request;

	private final DecideOnDeployment decide;

	private final DispatchDeployments dispatch;

	private final ReportDeploymentStatus report;

	private final ReviewEmergency review;

	private final Clock clock;

	DemoDeployments(IngestCodeChanges ingest, RegisterArtifact register, ConfigureApprovalPolicy policies,
			RequestDeployment request, DecideOnDeployment decide, DispatchDeployments dispatch,
			ReportDeploymentStatus report, ReviewEmergency review, Clock clock) {
		this.ingest = ingest;
		this.register = register;
		this.policies = policies;
		this.request = request;
		this.decide = decide;
		this.dispatch = dispatch;
		this.report = report;
		this.review = review;
		this.clock = clock;
	}

	void seed(Caller owner, Caller lead, Caller developer) {
		Instant now = this.clock.instant();
		List<String> shop = pushes(developer, "shop", now);
		String v140 = build(developer, "shop", "1.4.0", shop.get(2));
		String v141 = build(developer, "shop", "1.4.1", shop.get(4));
		String v142 = build(developer, "shop", "1.4.2", shop.get(6));
		this.policies.update(owner, "shop", "production",
				new ConfigureApprovalPolicy.Input(1, List.of("LEAD", "ADMIN", "OWNER"), false, 72, "staging"));

		deploy(developer, "shop", "staging", v140, "First release of the new checkout");
		deploy(developer, "shop", "staging", v141, "Payment provider API change");
		Deployment hotfix = this.request.request(owner, "shop", "production",
				new RequestDeployment.Input(v141, null, null, "reject", null, true,
						"Checkout is down: the payment provider switched its API overnight; 1.4.1 adapts to it."));
		finish(owner, "shop", "production", hotfix);
		this.review.review(lead, "shop", "production", hotfix.id(),
				"Outage confirmed in the incident channel; the fix is the same build that passed staging. OK.");

		deploy(developer, "shop", "staging", v142, "Wishlist and faster search");
		Deployment rejected = request(developer, "shop", "production", v142, null, "Wishlist and faster search");
		this.decide.decide(lead, "shop", "production", rejected.id(), new DecideOnDeployment.Input("reject",
				"The wishlist migration locks the orders table; run it in the Tuesday window instead."));
		ZonedDateTime tuesday = now.atZone(ZoneId.of("Europe/Paris"))
			.with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
			.withHour(10)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		Deployment approved = request(developer, "shop", "production", v142, tuesday.toInstant(),
				"Wishlist, in the Tuesday morning window as agreed");
		this.decide.decide(lead, "shop", "production", approved.id(),
				new DecideOnDeployment.Input("approve", "Tuesday 10:00 it is."));

		List<String> api = pushes(developer, "api", now);
		String a201 = build(developer, "api", "2.0.1", api.get(5));
		deploy(developer, "api", "staging", a201, "Rate limits per token");
		request(developer, "api", "production", a201, null, "Rate limits per token");
	}

	private Deployment request(Caller caller, String project, String environment, String version,
			@Nullable Instant scheduledAt, String note) {
		return this.request.request(caller, project, environment,
				new RequestDeployment.Input(version, null, scheduledAt, "queue", note, false, null));
	}

	private void deploy(Caller caller, String project, String environment, String version, String note) {
		finish(caller, project, environment, request(caller, project, environment, version, null, note));
	}

	/** Starts the deployment now (the demo's targets are manual) and reports success. */
	private void finish(Caller caller, String project, String environment, Deployment deployment) {
		this.dispatch.start(new DueDeployments.Due(caller.orgId(), deployment.id()));
		this.report.report(caller, project, environment, deployment.id(),
				new ReportDeploymentStatus.Input("succeeded", "Deployed in 94 s", null));
	}

	private List<String> pushes(Caller developer, String project, Instant now) {
		String[] messages = { "Add the checkout flow behind a flag", "Fix rounding of VAT on discounts",
				"Adapt to the payment provider's new API", "Log payment provider errors with their request id",
				"Wishlist: save items for later", "Faster product search with a trigram index",
				"Wishlist: migration for the wishlist table", "Bump php to 8.3 on staging" };
		List<CommitInput> commits = new ArrayList<>();
		List<String> shas = new ArrayList<>();
		for (int i = 0; i < messages.length; i++) {
			String sha = sha(project + i);
			shas.add(sha);
			commits.add(new CommitInput(sha, "main", (i % 2 == 0) ? "Dana Developer" : "Leo Lead", messages[i],
					now.minus(Duration.ofHours(6L * (messages.length - i))).toString(),
					"https://git.example.com/acme/" + project + "/commit/" + sha));
		}
		this.ingest.ingest(developer, project, commits);
		return shas;
	}

	private String build(Caller caller, String project, String version, String sha) {
		this.register.register(caller, project,
				new RegisterArtifact.Input(version, sha, "sha256:" + digest(project + version)));
		return version;
	}

	private static String sha(String seed) {
		return hash("SHA-1", seed);
	}

	private static String digest(String seed) {
		return hash("SHA-256", seed);
	}

	private static String hash(String algorithm, String seed) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance(algorithm)
				.digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
