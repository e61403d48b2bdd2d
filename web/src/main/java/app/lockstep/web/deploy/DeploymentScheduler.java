package app.lockstep.web.deploy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.web.ops.LockstepMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts due deployments: every poll (default each second) it reads what is due and hands
 * each deployment to a small pool of workers, which claim it with SKIP LOCKED, so any
 * number of application instances can poll the same database and each deployment is
 * started once. Nothing is kept in memory between polls: after a restart the next poll
 * finds whatever is still due. Disabled with {@code lockstep.scheduler.enabled=false}
 * (the tests drive {@link #runOnce()} themselves).
 * <p>
 * Stopping is graceful: once the application context starts closing, no deployment is
 * claimed any more (the rest of a batch stays due for the next instance), and the
 * deliveries in progress finish and commit before the database goes away.
 */
@Component
public class DeploymentScheduler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeploymentScheduler.class);

	private static final int BATCH = 200;

	private final DispatchDeployments dispatch;

	private final boolean enabled;

	private final ExecutorService workers;

	private volatile boolean stopping;

	private final LockstepMeters meters;

	private final Clock clock;

	DeploymentScheduler(DispatchDeployments dispatch, boolean enabled, int workers) {
		this(dispatch, enabled, workers, LockstepMeters.detached(), Clock.systemUTC());
	}

	@Autowired
	DeploymentScheduler(DispatchDeployments dispatch, @Value("${lockstep.scheduler.enabled:true}") boolean enabled,
			@Value("${lockstep.scheduler.workers:4}") int workers, LockstepMeters meters, Clock clock) {
		this.dispatch = dispatch;
		this.meters = meters;
		this.clock = clock;
		this.enabled = enabled;
		this.workers = Executors.newFixedThreadPool(Math.max(1, workers), (runnable) -> {
			Thread thread = new Thread(runnable, "deployment-dispatch");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Scheduled(fixedDelayString = "${lockstep.scheduler.poll-interval:1s}",
			initialDelayString = "${lockstep.scheduler.initial-delay:2s}")
	void poll() {
		if (!this.enabled || this.stopping) {
			return;
		}
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Deployment scheduler poll failed; it runs again at the next poll", ex);
		}
	}

	/**
	 * One pass: start everything due now and fail what ran past its deadline; how many
	 * deployments changed.
	 */
	public int runOnce() {
		int handled = 0;
		List<DueDeployments.Due> due;
		int changed;
		do {
			due = this.dispatch.due(BATCH);
			changed = runAll(due, this::start);
			handled += changed;
		}
		// A full batch in which nothing changed (each one failing, or held elsewhere)
		// would
		// be read again as it is: leave it to the next poll rather than spin on it.
		while (due.size() == BATCH && changed > 0 && !this.stopping);
		if (!this.stopping) {
			handled += runAll(this.dispatch.overdue(BATCH), this.dispatch::timeOut);
		}
		return handled;
	}

	/** Starts one due deployment, measuring how late it starts. */
	private DispatchDeployments.Outcome start(DueDeployments.Due due) {
		DispatchDeployments.Outcome outcome = this.dispatch.start(due);
		if (outcome == DispatchDeployments.Outcome.STARTED && due.dueAt() != null) {
			this.meters.dispatched(Duration.between(due.dueAt(), this.clock.instant()));
		}
		return outcome;
	}

	private int runAll(List<DueDeployments.Due> due, Function<DueDeployments.Due, DispatchDeployments.Outcome> work) {
		List<Future<DispatchDeployments.Outcome>> results = new ArrayList<>(due.size());
		for (DueDeployments.Due one : due) {
			results
				.add(this.workers.submit(() -> this.stopping ? DispatchDeployments.Outcome.SKIPPED : work.apply(one)));
		}
		int changed = 0;
		for (Future<DispatchDeployments.Outcome> result : results) {
			try {
				if (result.get() != DispatchDeployments.Outcome.SKIPPED) {
					changed++;
				}
			}
			catch (java.util.concurrent.ExecutionException ex) {
				log.warn("Starting a deployment failed; it stays due and is tried again", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return changed;
			}
		}
		return changed;
	}

	/**
	 * The context is closing: claim nothing more. Published before the web server stops
	 * and before any bean is destroyed, so the batch queued in the workers is dropped at
	 * once instead of being worked through during the shutdown.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopClaiming() {
		this.stopping = true;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.workers.shutdown();
		this.workers.awaitTermination(30, TimeUnit.SECONDS);
	}

}
