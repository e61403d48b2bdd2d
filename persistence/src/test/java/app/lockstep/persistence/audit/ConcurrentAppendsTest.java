package app.lockstep.persistence.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An organization's chain is held only from the insert of its events to the commit: a
 * business transaction with an append pending holds nothing, and while one organization's
 * head is held, other organizations append freely.
 */
class ConcurrentAppendsTest {

	private static final AuditHarness harness = new AuditHarness();

	private static final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterAll
	static void stop() {
		threads.shutdownNow();
	}

	@Test
	void aTransactionWithAnAppendPendingHoldsNothingUntilItCommits() throws Exception {
		OrgId alpha = harness.newOrganization("pending-a");
		OrgId beta = harness.newOrganization("pending-b");
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> harness.transactions.inTenant(alpha, () -> {
			harness.auditLog.append(alpha, Actor.system("slow"), AuditEntry.of("test.slow", "test", null).build());
			appended.countDown();
			await(finish);
			return null;
		}), threads);
		assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

		// Another organization, and even the same one, append and commit meanwhile.
		CompletableFuture.runAsync(() -> harness.append(beta, "test.other-org"), threads).get(10, TimeUnit.SECONDS);
		CompletableFuture.runAsync(() -> harness.append(alpha, "test.same-org"), threads).get(10, TimeUnit.SECONDS);

		finish.countDown();
		slow.get(10, TimeUnit.SECONDS);
		assertChain(alpha, "test.same-org", "test.slow");
		assertChain(beta, "test.other-org");
	}

	@Test
	void whileOneOrganizationsHeadIsHeldOthersAppendAndTheSameOrganizationWaitsItsTurn() throws Exception {
		OrgId alpha = harness.newOrganization("held-a");
		OrgId beta = harness.newOrganization("held-b");
		harness.append(alpha, "test.first");
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> harness.transactions.inTenant(alpha, () -> {
			harness.auditLog.append(alpha, Actor.system("holder"), AuditEntry.of("test.held", "test", null).build());
			// Runs after the audit flush: the events are inserted and alpha's head is
			// held.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public int getOrder() {
					return Ordered.LOWEST_PRECEDENCE;
				}

				@Override
				public void beforeCommit(boolean readOnly) {
					inserted.countDown();
					await(commit);
				}

			});
			return null;
		}), threads);
		assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture.runAsync(() -> harness.append(beta, "test.free"), threads).get(10, TimeUnit.SECONDS);
		CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> harness.append(alpha, "test.queued"),
				threads);
		assertThatThrownBy(() -> queued.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

		commit.countDown();
		holder.get(10, TimeUnit.SECONDS);
		queued.get(10, TimeUnit.SECONDS);
		assertChain(alpha, "test.first", "test.held", "test.queued");
		assertChain(beta, "test.free");
	}

	@Test
	void manyConcurrentAppendsToOneOrganizationFormOneGaplessChain() throws Exception {
		OrgId org = harness.newOrganization("many");
		List<CompletableFuture<Void>> appends = java.util.stream.IntStream.range(0, 40)
			.mapToObj((i) -> CompletableFuture.runAsync(() -> harness.append(org, "test.n" + i), threads))
			.toList();
		CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		List<AuditEvent> events = HashChainTest.readAll(org);
		assertThat(events).extracting(AuditEvent::seq)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
		assertLinked(org, events);
	}

	private static void assertChain(OrgId org, String... actions) {
		List<AuditEvent> events = HashChainTest.readAll(org);
		assertThat(events).extracting(AuditEvent::action).containsExactly(actions);
		assertThat(events).extracting(AuditEvent::seq)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, actions.length).boxed().toList());
		assertLinked(org, events);
	}

	private static void assertLinked(OrgId org, List<AuditEvent> events) {
		String previous = AuditChain.GENESIS;
		for (AuditEvent event : events) {
			assertThat(event.prevHash()).isEqualTo(previous);
			assertThat(event.hash()).isEqualTo(AuditChain.hash(previous, AuditChain.canonicalJson(org, event)));
			previous = event.hash();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
