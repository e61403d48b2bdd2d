package app.lockstep.web.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project of its own in acme with something live on production (1.0.0 with config
 * revision 1, requested by the lead, approved by the owner, started by the scheduler and
 * reported succeeded), and a newer build (1.1.0, twelve commits later) with config
 * revision 2 (php 8.2 → 8.3, one variable more), ready to be requested. Everything goes
 * through the use cases, at the clock the test pinned.
 */
@Component
public class DeployFixtures {

	static final String SPEC_1 = """
			applications:
			  app:
			    type: php:8.2
			services:
			  db:
			    type: mariadb:10.11
			""";

	static final String SPEC_2 = SPEC_1.replace("php:8.2", "php:8.3");

	/** Tuesday 24 November 2026, 11:00 in Paris: the default windows are open. */
	public static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

	static final int NEW_COMMITS = 12;

	final SaveConfigRevision saveConfig;

	final IngestCodeChanges ingest;

	final RegisterArtifact registerArtifact;

	final RequestDeployment requestDeployment;

	final DecideOnDeployment decide;

	final ReportDeploymentStatus report;

	final DeploymentScheduler scheduler;

	final Users users;

	final ResolveMembership resolveMembership;

	final Transactions transactions;

	DeployFixtures(SaveConfigRevision saveConfig, IngestCodeChanges ingest, RegisterArtifact registerArtifact,
			RequestDeployment requestDeployment, DecideOnDeployment decide, ReportDeploymentStatus report,
			DeploymentScheduler scheduler, Users users, ResolveMembership resolveMembership,
			Transactions transactions) {
		this.saveConfig = saveConfig;
		this.ingest = ingest;
		this.registerArtifact = registerArtifact;
		this.requestDeployment = requestDeployment;
		this.decide = decide;
		this.report = report;
		this.scheduler = scheduler;
		this.users = users;
		this.resolveMembership = resolveMembership;
		this.transactions = transactions;
	}

	public Caller caller(String email) {
		return ProjectTestSupport.caller(this.users, this.resolveMembership, this.transactions, email, "acme");
	}

	/** The commits' shas of a project made by {@link #liveProject}, oldest first. */
	public record LiveProject(String slug, List<String> newCommitTitles) {
	}

	/**
	 * A project with 1.0.0 + revision 1 live on production and 1.1.0 + revision 2 ready.
	 */
	public LiveProject liveProject(MockMvc mvc, String prefix, Instant now) throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(mvc, prefix);
		Caller owner = caller(ProjectTestSupport.OWNER);
		Caller lead = caller(ProjectTestSupport.LEAD);
		this.saveConfig.save(owner, new SaveConfigRevision.Command(slug, "production", null, SPEC_1,
				List.of(new VariableInput("APP_ENV", "prod", false, Visibility.RUNTIME)), "First config"));
		String base = sha();
		Instant start = now.minus(Duration.ofDays(3));
		List<CommitInput> commits = new ArrayList<>();
		commits.add(new CommitInput(base, "main", "Dana Developer", "Start the shop", start.toString(),
				"https://git.example.com/acme/" + slug + "/commit/" + base));
		List<String> titles = new ArrayList<>();
		String head = base;
		for (int i = 1; i <= NEW_COMMITS; i++) {
			head = sha();
			String title = "Checkout step " + i;
			titles.add(title);
			commits.add(new CommitInput(head, "main", "Dana Developer", title + "\n\nLonger body " + i,
					start.plus(Duration.ofMinutes(10L * i)).toString(), null));
		}
		this.ingest.ingest(owner, slug, commits);
		this.registerArtifact.register(owner, slug, new RegisterArtifact.Input("1.0.0", base, digest()));
		this.registerArtifact.register(owner, slug, new RegisterArtifact.Input("1.1.0", head, digest()));
		Deployment first = this.requestDeployment.request(lead, slug, "production",
				new RequestDeployment.Input("1.0.0", 1, null, "reject", "The first release", false, null));
		this.decide.decide(owner, slug, "production", first.id(), new DecideOnDeployment.Input("approve", null));
		this.scheduler.runOnce();
		Deployment done = this.report.report(owner, slug, "production", first.id(),
				new ReportDeploymentStatus.Input("succeeded", "Deployed", null));
		assertThat(done.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
		this.saveConfig.save(owner,
				new SaveConfigRevision.Command(slug, "production", 1, SPEC_2,
						List.of(new VariableInput("APP_ENV", "prod", false, Visibility.RUNTIME),
								new VariableInput("FEATURE_CHECKOUT", "on", false, Visibility.RUNTIME)),
						"PHP 8.3 and the new checkout"));
		return new LiveProject(slug, titles);
	}

	/**
	 * The owner deploys {@code version} on an environment without an approval gate:
	 * requested, started, and reported as {@code outcome} ("succeeded", "failed"), or
	 * left running when {@code outcome} is null.
	 */
	public Deployment deploy(String slug, String environment, String version, @Nullable String outcome) {
		Caller owner = caller(ProjectTestSupport.OWNER);
		Deployment deployment = this.requestDeployment.request(owner, slug, environment,
				new RequestDeployment.Input(version, null, null, "reject", null, false, null));
		this.scheduler.runOnce();
		if (outcome == null) {
			return deployment;
		}
		return this.report.report(owner, slug, environment, deployment.id(),
				new ReportDeploymentStatus.Input(outcome, outcome, null));
	}

	/** The developer asks for 1.1.0 with revision 2 on production. */
	public Deployment request(String slug, String email, String note) {
		return this.requestDeployment.request(caller(email), slug, "production",
				new RequestDeployment.Input("1.1.0", 2, null, "reject", note, false, null));
	}

	/** The owner deploys 1.1.0 in an emergency. */
	public Deployment emergency(String slug, String reason) {
		return this.requestDeployment.request(caller(ProjectTestSupport.OWNER), slug, "production",
				new RequestDeployment.Input("1.1.0", 2, null, "reject", null, true, reason));
	}

	static String sha() {
		byte[] bytes = new byte[20];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String digest() {
		byte[] bytes = new byte[32];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "sha256:" + HexFormat.of().formatHex(bytes);
	}

}
