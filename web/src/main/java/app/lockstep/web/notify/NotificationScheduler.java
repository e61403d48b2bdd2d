package app.lockstep.web.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.lockstep.domain.deploy.ReviewDueNotices;
import app.lockstep.domain.notify.DeliverNotifications;
import app.lockstep.domain.notify.NotificationDeliveries;
import app.lockstep.domain.window.FreezeNotices;
import app.lockstep.web.shared.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due notices every poll (default each 2 seconds), each once across instances
 * (claimed in the database), and every 5 minutes raises the notices of time: emergency
 * reviews due and freezes starting (each once per channel, whichever instance raises it).
 * Nothing is kept in memory: after a restart the next poll finds what is still due.
 * Disabled with {@code lockstep.scheduler.enabled=false} (the tests call
 * {@link #sendDue()} and {@link #raiseTimed()} themselves).
 */
@Component
public class NotificationScheduler {

	private static final Logger log = LoggerFactory.getLogger(NotificationScheduler.class);

	private static final int BATCH = 100;

	private final DeliverNotifications deliver;

	private final ReviewDueNotices reviewsDue;

	private final FreezeNotices freezes;

	private final PeriodicJobs jobs;

	private final boolean enabled;

	NotificationScheduler(DeliverNotifications deliver, ReviewDueNotices reviewsDue, FreezeNotices freezes,
			PeriodicJobs jobs, @Value("${lockstep.scheduler.enabled:true}") boolean enabled) {
		this.deliver = deliver;
		this.jobs = jobs;
		this.reviewsDue = reviewsDue;
		this.freezes = freezes;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${lockstep.notifications.poll-interval:2s}", initialDelayString = "5s")
	void poll() {
		if (this.enabled) {
			try {
				sendDue();
			}
			catch (RuntimeException ex) {
				log.warn("Sending notices failed; they are tried again at the next poll", ex);
			}
		}
	}

	@Scheduled(fixedDelayString = "${lockstep.notifications.check-interval:5m}", initialDelayString = "30s")
	void check() {
		if (this.enabled) {
			try {
				raiseTimed();
			}
			catch (RuntimeException ex) {
				log.warn("Raising timed notices failed; the next check tries again", ex);
			}
		}
	}

	/**
	 * Every hour, on one instance: the delivery log forgets what finished 30 days ago.
	 */
	@Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
	void forgetOld() {
		this.jobs.hourly("notification-deliveries-cleanup", this.deliver::forgetOld);
	}

	/** Sends what is due now; how many deliveries were handled (not skipped). */
	public int sendDue() {
		int handled = 0;
		List<NotificationDeliveries.Due> due;
		do {
			due = this.deliver.due(BATCH);
			int round = sendAll(due);
			handled += round;
			if (round == 0) {
				break;
			}
		}
		while (due.size() == BATCH);
		return handled;
	}

	/**
	 * Sends a batch side by side on virtual threads, so one slow receiver (up to its
	 * time-out) does not hold up the others.
	 */
	private int sendAll(List<NotificationDeliveries.Due> due) {
		List<Future<DeliverNotifications.Outcome>> outcomes = new ArrayList<>();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (NotificationDeliveries.Due one : due) {
				outcomes.add(senders.submit(() -> this.deliver.send(one)));
			}
		}
		int handled = 0;
		for (Future<DeliverNotifications.Outcome> outcome : outcomes) {
			if (outcome.state() == Future.State.SUCCESS
					&& outcome.resultNow() != DeliverNotifications.Outcome.SKIPPED) {
				handled++;
			}
			else if (outcome.state() == Future.State.FAILED) {
				log.warn("Sending a notice failed; it stays due", outcome.exceptionNow());
			}
		}
		return handled;
	}

	/** Raises reviews due and freezes starting; how many deliveries were enqueued. */
	public int raiseTimed() {
		return this.reviewsDue.raise() + this.freezes.raise();
	}

}
