package app.lockstep.web.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.deploy.DecideOnDeployment;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.deploy.ReportDeploymentStatus;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.deploy.DeploymentScheduler;
import app.lockstep.web.project.ProjectTestSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * One project's deployment story, built the way people and machines build it: through the
 * real use cases of an application context, at the instant its clock shows. An
 * organization whose members hold the roles (acme's demo people by default), a project
 * with its environments, pushes, builds, config revisions, approval gates and deploy
 * targets, then deployments requested, decided, started and reported into the state a
 * test needs. Setters return the scenario; actions on deployments return the deployment.
 *
 * <pre>
 * DeploymentScenario shop = DeploymentScenario.inAcme(context).project("shop");
 * shop.artifact("1.0.0", sha);
 * Deployment live = shop.deploy("staging", "1.0.0", "succeeded");
 * </pre>
 */
public final class DeploymentScenario {

	/** Tuesday 24 November 2026, 11:00 in Paris: the default windows are open. */
	public static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

	/** The version {@link #readyToDeploy} registers. */
	public static final String VERSION = "1.0.0";

	/** A spec with this php version and a mariadb service. */
	public static String phpSpec(String php) {
		return """
				applications:
				  app:
				    type: php:%s
				services:
				  db:
				    type: mariadb:10.11
				""".formatted(php);
	}

	private final ApplicationContext context;

	private final String org;

	private final String ownerEmail;

	private @Nullable String project;

	private @Nullable String environment;

	private @Nullable String commitSha;

	private @Nullable String digest;

	/** The number of the last config revision saved per environment. */
	private final Map<String, Integer> revisions = new HashMap<>();

	private DeploymentScenario(ApplicationContext context, String org, String ownerEmail) {
		this.context = context;
		this.org = org;
		this.ownerEmail = ownerEmail;
	}

	/** In the demo organization acme, whose demo people hold every role. */
	public static DeploymentScenario inAcme(ApplicationContext context) {
		return new DeploymentScenario(context, "acme", ProjectTestSupport.OWNER);
	}

	/** In another organization, set up by this owner. */
	public static DeploymentScenario in(ApplicationContext context, String org, String ownerEmail) {
		return new DeploymentScenario(context, org, ownerEmail);
	}

	// People

	/** A member of the scenario's organization, as the use cases see them. */
	public Caller caller(String email) {
		User user = bean(Transactions.class).global(() -> bean(Users.class).findByEmail(email)).orElseThrow();
		Membership membership = bean(ResolveMembership.class).in(user.id(), this.org).orElseThrow();
		return new Caller(membership.organization(), user.id(), user.name(), membership.role(), null);
	}

	public Caller owner() {
		return caller(this.ownerEmail);
	}

	// The project and its environments

	/**
	 * A new project with development (branch develop), staging (main) and production
	 * (release/*); production is the scenario's environment.
	 */
	public DeploymentScenario project(String prefix) {
		newProject(prefix);
		environment("development", "DEVELOPMENT", "develop");
		environment("staging", "STAGING", "main");
		environment("production", "PRODUCTION", "release/*");
		return this;
	}

	/** A new project with just this environment, which is the scenario's. */
	public DeploymentScenario project(String prefix, String environment, String tier) {
		newProject(prefix);
		environment(environment, tier, null);
		return this;
	}

	/** A project that exists already; this environment of it is the scenario's. */
	public DeploymentScenario existingProject(String slug, String environment) {
		this.project = slug;
		this.environment = environment;
		return this;
	}

	private void newProject(String prefix) {
		String slug = ProjectTestSupport.uniqueSlug(prefix);
		bean(CreateProject.class).create(owner(),
				new ProjectInput(slug, "Test " + slug, "https://git.example.com/acme/" + slug + ".git", null));
		this.project = slug;
	}

	private void environment(String name, String tier, @Nullable String branchPattern) {
		bean(CreateEnvironment.class).create(owner(), slug(),
				new EnvironmentInput(name, tier, null, branchPattern, null));
		this.environment = name;
	}

	/** The project's slug. */
	public String slug() {
		return required(this.project, "project");
	}

	public String environment() {
		return required(this.environment, "environment");
	}

	// Code, builds and config

	/** Pushes these commits (as the owner). */
	public DeploymentScenario commits(List<CommitInput> commits) {
		return commits(owner(), commits);
	}

	public DeploymentScenario commits(Caller by, List<CommitInput> commits) {
		bean(IngestCodeChanges.class).ingest(by, slug(), commits);
		return this;
	}

	/** Pushes one commit by Dana Developer on main. */
	public DeploymentScenario push(Caller by, String sha, String message, String committedAt) {
		return commits(by, List.of(commit(sha, message, committedAt)));
	}

	/** A commit by Dana Developer on main. */
	public static CommitInput commit(String sha, String message, String committedAt) {
		return new CommitInput(sha, "main", "Dana Developer", message, committedAt, null);
	}

	/** Registers a build of this commit (as the owner, with a random digest). */
	public DeploymentScenario artifact(String version, String commitSha) {
		return artifact(owner(), version, commitSha, randomDigest());
	}

	public DeploymentScenario artifact(Caller by, String version, String commitSha) {
		return artifact(by, version, commitSha, randomDigest());
	}

	public DeploymentScenario artifact(Caller by, String version, String commitSha, String digest) {
		bean(RegisterArtifact.class).register(by, slug(), new RegisterArtifact.Input(version, commitSha, digest));
		this.commitSha = commitSha;
		this.digest = digest;
		return this;
	}

	/** The commit of the last artifact registered. */
	public String commitSha() {
		return required(this.commitSha, "artifact");
	}

	/** The digest of the last artifact registered. */
	public String digest() {
		return required(this.digest, "artifact");
	}

	/** Saves a config revision (as the owner) on top of {@code base}; its number. */
	public int config(String environment, @Nullable Integer base, String spec, List<VariableInput> variables,
			String message) {
		return config(owner(), environment, base, spec, variables, message);
	}

	public int config(Caller by, String environment, @Nullable Integer base, String spec, List<VariableInput> variables,
			String message) {
		int number = bean(SaveConfigRevision.class)
			.save(by, new SaveConfigRevision.Command(slug(), environment, base, spec, variables, message))
			.number();
		this.revisions.put(environment, number);
		return number;
	}

	/**
	 * Saves a config revision (as the owner) on top of the last one the scenario saved
	 * there.
	 */
	public int nextConfig(String environment, String spec, List<VariableInput> variables, String message) {
		return config(environment, this.revisions.get(environment), spec, variables, message);
	}

	/** A plain variable, visible at build and run time. */
	public static VariableInput variable(String name, String value) {
		return new VariableInput(name, value, false, Visibility.BOTH);
	}

	/**
	 * Revision 1 of the scenario's environment (php 8.3, these variables) and build
	 * {@link #VERSION} of a random commit: something to deploy.
	 */
	public DeploymentScenario readyToDeploy(List<VariableInput> variables) {
		config(environment(), null, """
				applications:
				  app:
				    type: php:8.3
				""", variables, "first config");
		return artifact(VERSION, sha());
	}

	/** A project with a development environment {@link #readyToDeploy}. */
	public DeploymentScenario developmentBuild(String prefix) {
		return project(prefix, "development", "DEVELOPMENT").readyToDeploy(List.of());
	}

	// Gates and targets

	/**
	 * The environment's gate becomes one approval from a lead, admin or owner, who may be
	 * the requester.
	 */
	public DeploymentScenario selfApprovalAllowed(String environment) {
		bean(ConfigureApprovalPolicy.class).update(owner(), slug(), environment,
				new ConfigureApprovalPolicy.Input(1, List.of("LEAD", "ADMIN", "OWNER"), true, 72, null));
		return this;
	}

	/** The scenario's environment deploys through a webhook to {@code url}. */
	public DeploymentScenario webhook(String url, String secret) {
		bean(ConfigureDeployTarget.class).update(owner(), slug(), environment(),
				new ConfigureDeployTarget.Input("webhook", url, secret, null));
		return this;
	}

	// Deployments

	public Deployment request(Caller by, String environment, RequestDeployment.Input input) {
		return bean(RequestDeployment.class).request(by, slug(), environment, input);
	}

	/**
	 * A request of this build (and revision, or the latest) that is refused in a closed
	 * window.
	 */
	public Deployment request(Caller by, String environment, String version, @Nullable Integer revision) {
		return request(by, environment,
				new RequestDeployment.Input(version, revision, null, "reject", null, false, null));
	}

	/**
	 * The owner asks for the last build on the scenario's environment, as soon as
	 * allowed.
	 */
	public Deployment request() {
		return request(owner());
	}

	public Deployment request(Caller by) {
		return request(by, environment(), VERSION, null);
	}

	/** {@code count} requests of {@link #request()}, all due now. */
	public List<Deployment> requestMany(int count) {
		Caller owner = owner();
		List<Deployment> deployments = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			deployments.add(request(owner));
		}
		return deployments;
	}

	/** {@code count} requests of {@link #request()}, from several threads. */
	public List<Deployment> requestMany(int count, int threads) {
		Caller owner = owner();
		return parallel(count, threads, () -> request(owner));
	}

	public Deployment emergency(Caller by, String environment, String version, @Nullable Integer revision,
			String reason) {
		return request(by, environment,
				new RequestDeployment.Input(version, revision, null, "reject", null, true, reason));
	}

	public Deployment approve(Caller by, String environment, Deployment deployment, @Nullable String comment) {
		return decide(by, environment, deployment, "approve", comment);
	}

	public Deployment reject(Caller by, String environment, Deployment deployment, String comment) {
		return decide(by, environment, deployment, "reject", comment);
	}

	private Deployment decide(Caller by, String environment, Deployment deployment, String decision,
			@Nullable String comment) {
		return bean(DecideOnDeployment.class)
			.decide(by, slug(), environment, deployment.id(), new DecideOnDeployment.Input(decision, comment))
			.deployment();
	}

	/**
	 * The dispatcher starts exactly this deployment now (the manual target keeps it
	 * running).
	 */
	public void start(Deployment deployment) {
		DispatchDeployments.Outcome outcome = bean(DispatchDeployments.class)
			.start(new DueDeployments.Due(owner().orgId(), deployment.id()));
		if (outcome != DispatchDeployments.Outcome.STARTED) {
			throw new IllegalStateException("Expected " + deployment.id() + " to start: " + outcome);
		}
	}

	/** The deployer reports how it went ("succeeded", "failed", ...). */
	public Deployment report(Caller by, String environment, Deployment deployment, String status,
			@Nullable String message) {
		return bean(ReportDeploymentStatus.class).report(by, slug(), environment, deployment.id(),
				new ReportDeploymentStatus.Input(status, message, null));
	}

	/** Starts it now and reports how it ended. */
	public Deployment run(Caller reporter, String environment, Deployment deployment, String status, String message) {
		start(deployment);
		Deployment finished = report(reporter, environment, deployment, status, message);
		DeploymentStatus expected = DeploymentStatus.fromValue(status).orElseThrow();
		if (finished.status() != expected) {
			throw new IllegalStateException("Expected " + expected + ", got " + finished.status());
		}
		return finished;
	}

	/**
	 * The owner deploys {@code version} on an environment without an approval gate:
	 * requested, started, and reported as {@code outcome} ("succeeded", "failed"), or
	 * left running when {@code outcome} is null.
	 */
	public Deployment deploy(String environment, String version, @Nullable String outcome) {
		Caller owner = owner();
		Deployment deployment = request(owner, environment, version, null);
		startEverythingDue();
		return (outcome != null) ? report(owner, environment, deployment, outcome, outcome) : deployment;
	}

	/**
	 * One pass of the scheduler, as the application would poll it: everything due now
	 * starts (this scenario's and whatever other tests left due).
	 */
	public void startEverythingDue() {
		bean(DeploymentScheduler.class).runOnce();
	}

	// A release with history

	/**
	 * A project with something live on production (1.0.0 with config revision 1,
	 * requested by the lead, approved by the owner, started and reported succeeded), and
	 * a newer build (1.1.0, twelve commits later) with config revision 2 (php 8.2 → 8.3,
	 * one variable more), ready to be requested with {@link #requestRelease} or
	 * {@link #emergencyRelease}.
	 */
	public DeploymentScenario liveRelease(String prefix) {
		project(prefix);
		Caller owner = owner();
		config("production", null, phpSpec("8.2"),
				List.of(new VariableInput("APP_ENV", "prod", false, Visibility.RUNTIME)), "First config");
		String base = sha();
		Instant start = bean(Clock.class).instant().minus(Duration.ofDays(3));
		List<CommitInput> commits = new ArrayList<>();
		commits.add(new CommitInput(base, "main", "Dana Developer", "Start the shop", start.toString(),
				"https://git.example.com/acme/" + slug() + "/commit/" + base));
		String head = base;
		for (int i = 1; i <= 12; i++) {
			head = sha();
			commits.add(new CommitInput(head, "main", "Dana Developer", "Checkout step " + i + "\n\nLonger body " + i,
					start.plus(Duration.ofMinutes(10L * i)).toString(), null));
		}
		commits(commits);
		artifact("1.0.0", base);
		artifact("1.1.0", head);
		Deployment first = request(caller(ProjectTestSupport.LEAD), "production",
				new RequestDeployment.Input("1.0.0", 1, null, "reject", "The first release", false, null));
		approve(owner, "production", first, null);
		startEverythingDue();
		Deployment live = report(owner, "production", first, "succeeded", "Deployed");
		if (live.status() != DeploymentStatus.SUCCEEDED) {
			throw new IllegalStateException("Expected the first release live, it is " + live.status());
		}
		config("production", 1, phpSpec("8.3"),
				List.of(new VariableInput("APP_ENV", "prod", false, Visibility.RUNTIME),
						new VariableInput("FEATURE_CHECKOUT", "on", false, Visibility.RUNTIME)),
				"PHP 8.3 and the new checkout");
		return this;
	}

	/** This member asks for 1.1.0 with revision 2 on production. */
	public Deployment requestRelease(String email, @Nullable String note) {
		return request(caller(email), "production",
				new RequestDeployment.Input("1.1.0", 2, null, "reject", note, false, null));
	}

	/** The owner deploys 1.1.0 with revision 2 on production in an emergency. */
	public Deployment emergencyRelease(String reason) {
		return emergency(owner(), "production", "1.1.0", 2, reason);
	}

	// Odds and ends

	public static String sha() {
		return hex(20);
	}

	private static String randomDigest() {
		return "sha256:" + hex(32);
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/** {@code count} results of {@code work}, run from {@code threads} threads. */
	public static <T> List<T> parallel(int count, int threads, Supplier<T> work) {
		List<T> results = new ArrayList<>(count);
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<List<T>>> batches = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int share = count / threads + ((i < count % threads) ? 1 : 0);
				batches.add(pool.submit(() -> {
					List<T> batch = new ArrayList<>(share);
					for (int n = 0; n < share; n++) {
						batch.add(work.get());
					}
					return batch;
				}));
			}
			for (Future<List<T>> batch : batches) {
				results.addAll(batch.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Parallel work failed", ex.getCause());
		}
		return results;
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	private static String required(@Nullable String value, String what) {
		if (value == null) {
			throw new IllegalStateException("The scenario has no " + what + " yet");
		}
		return value;
	}

}
