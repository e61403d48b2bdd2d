package app.lockstep.web.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.lockstep.domain.deploy.DeploymentCounts;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.shared.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database when scraped: the unfinished deployments by status, how
 * many await approval and how long the oldest has waited. One read (two small queries on
 * partial indexes, in the scheduler's read-only view) serves every gauge of a scrape and
 * is reused for {@code lockstep.metrics.refresh}, so however many scrapers there are the
 * database sees at most one read per interval. A failed read shows as NaN, not as zero.
 */
@Component
class DeploymentGauges implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(DeploymentGauges.class);

	private static final List<DeploymentStatus> OPEN = List.of(DeploymentStatus.AWAITING_APPROVAL,
			DeploymentStatus.SCHEDULED, DeploymentStatus.WAITING_FOR_WINDOW, DeploymentStatus.RUNNING);

	private final DeploymentCounts counts;

	private final Transactions transactions;

	private final Clock clock;

	private final long refreshNanos;

	private DeploymentCounts.@Nullable Open last;

	private long readAt;

	DeploymentGauges(DeploymentCounts counts, Transactions transactions, Clock clock,
			@Value("${lockstep.metrics.refresh:10s}") Duration refresh) {
		this.counts = counts;
		this.transactions = transactions;
		this.clock = clock;
		this.refreshNanos = refresh.toNanos();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (DeploymentStatus status : OPEN) {
			Gauge.builder("lockstep.deployments", this, (gauges) -> gauges.count(status))
				.description("Unfinished deployments, by status")
				.tag("status", status.value())
				.register(registry);
		}
		Gauge.builder("lockstep.approvals.waiting", this, (gauges) -> gauges.count(DeploymentStatus.AWAITING_APPROVAL))
			.description("Deployments waiting for approval")
			.register(registry);
		Gauge.builder("lockstep.approvals.oldest.age", this, DeploymentGauges::oldestAgeSeconds)
			.description("How long the oldest deployment awaiting approval has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	private double count(DeploymentStatus status) {
		DeploymentCounts.Open open = current();
		return (open != null) ? open.byStatus().getOrDefault(status, 0L) : Double.NaN;
	}

	private double oldestAgeSeconds() {
		DeploymentCounts.Open open = current();
		if (open == null) {
			return Double.NaN;
		}
		Instant oldest = open.oldestAwaitingApproval();
		return (oldest != null) ? Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0) : 0;
	}

	private synchronized DeploymentCounts.@Nullable Open current() {
		long now = System.nanoTime();
		if (this.last == null || now - this.readAt >= this.refreshNanos) {
			try {
				this.last = this.transactions.forScheduler(this.counts::open);
				this.readAt = now;
			}
			catch (RuntimeException ex) {
				log.debug("Reading the deployment counts for the metrics failed", ex);
				this.last = null;
			}
		}
		return this.last;
	}

}
