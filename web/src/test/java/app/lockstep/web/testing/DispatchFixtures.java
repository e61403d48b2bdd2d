package app.lockstep.web.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.deploy.ConfigureDeployTarget;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;

import org.springframework.context.ApplicationContext;

/**
 * Deployments for the scheduler's tests and benchmark, made through the real use cases of
 * a context: a project of acme's with a development environment (no approvals, no
 * windows) whose deploy target is a webhook, an artifact, a config revision, and as many
 * deployments due now as wanted.
 */
public final class DispatchFixtures {

	public static final String ENVIRONMENT = "development";

	public static final String VERSION = "1.0.0";

	/** A project and environment set up for dispatching. */
	public record Place(String project, String environment, String version, String commitSha, String digest) {
	}

	private final ApplicationContext context;

	public DispatchFixtures(ApplicationContext context) {
		this.context = context;
	}

	/** The acme account as a {@link Caller} for the use cases. */
	public Caller caller(String email) {
		Transactions transactions = this.context.getBean(Transactions.class);
		User user = transactions.global(() -> this.context.getBean(Users.class).findByEmail(email)).orElseThrow();
		Membership membership = this.context.getBean(ResolveMembership.class).in(user.id(), "acme").orElseThrow();
		return new Caller(membership.organization(), user.id(), user.name(), membership.role(), null);
	}

	public Caller owner() {
		return caller("owner@acme.test");
	}

	/**
	 * A fresh project with a development environment (revision 1 of its config saved, an
	 * artifact registered) whose deploy target is a webhook to {@code url} signed with
	 * {@code secret}.
	 */
	public Place webhookProject(String prefix, String url, String secret) {
		Place place = project(prefix);
		target(place, url, secret);
		return place;
	}

	/** Makes (or changes) the place's deploy target a webhook to {@code url}. */
	public void target(Place place, String url, String secret) {
		this.context.getBean(ConfigureDeployTarget.class)
			.update(owner(), place.project(), place.environment(),
					new ConfigureDeployTarget.Input("webhook", url, secret, null));
	}

	/**
	 * A fresh project with a development environment, its config at revision 1 and
	 * artifact {@link #VERSION}; the deploy target is left as it is (manual).
	 */
	public Place project(String prefix) {
		return project(prefix, ENVIRONMENT, "DEVELOPMENT", List.of());
	}

	/**
	 * A fresh project with one environment of this tier, its config at revision 1 (with
	 * these variables) and artifact {@link #VERSION}.
	 */
	public Place project(String prefix, String environment, String tier, List<VariableInput> variables) {
		Caller owner = owner();
		String slug = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
		this.context.getBean(CreateProject.class).create(owner, new ProjectInput(slug, "Dispatch " + slug, null, null));
		this.context.getBean(CreateEnvironment.class)
			.create(owner, slug, new EnvironmentInput(environment, tier, null, null, null));
		this.context.getBean(SaveConfigRevision.class)
			.save(owner, new SaveConfigRevision.Command(slug, environment, null, """
					applications:
					  app:
					    type: php:8.3
					""", variables, "first config"));
		String sha = hex(20);
		String digest = "sha256:" + hex(32);
		this.context.getBean(RegisterArtifact.class)
			.register(owner, slug, new RegisterArtifact.Input(VERSION, sha, digest));
		return new Place(slug, environment, VERSION, sha, digest);
	}

	/** A deployment of the place's artifact, as soon as allowed. */
	public Deployment request(Place place) {
		return request(owner(), place);
	}

	public Deployment request(Caller caller, Place place) {
		return this.context.getBean(RequestDeployment.class)
			.request(caller, place.project(), place.environment(),
					new RequestDeployment.Input(place.version(), null, null, "reject", null, false, null));
	}

	/** {@code count} deployments of the place, all due now. */
	public List<Deployment> requestMany(Place place, int count) {
		Caller owner = owner();
		List<Deployment> deployments = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			deployments.add(request(owner, place));
		}
		return deployments;
	}

	/** {@code count} deployments of the place, all due now, from several threads. */
	public List<Deployment> requestMany(Place place, int count, int threads) {
		Caller owner = owner();
		return parallel(count, threads, () -> request(owner, place));
	}

	/** {@code count} results of {@code work}, run from {@code threads} threads. */
	public <T> List<T> parallel(int count, int threads, Supplier<T> work) {
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
			throw new IllegalStateException("Requesting deployments failed", ex.getCause());
		}
		return results;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
