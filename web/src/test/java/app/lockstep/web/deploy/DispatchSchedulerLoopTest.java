package app.lockstep.web.deploy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import app.lockstep.domain.deploy.DeploymentId;
import app.lockstep.domain.deploy.DispatchDeployments;
import app.lockstep.domain.deploy.DueDeployments;
import app.lockstep.domain.shared.OrgId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The scheduler's pass without a database: it reads batches while they are full and
 * something changed, never spins on a full batch it cannot move, and claims nothing once
 * the application is closing.
 */
class DispatchSchedulerLoopTest {

	private final DispatchDeployments dispatch = mock(DispatchDeployments.class);

	@Test
	void aFullBatchThatCannotBeStartedIsLeftForTheNextPollInsteadOfReadAgainAndAgain() throws Exception {
		List<DueDeployments.Due> stuck = due(200);
		when(this.dispatch.due(anyInt())).thenReturn(stuck);
		when(this.dispatch.start(any())).thenThrow(new IllegalStateException("cannot open the target's secret"));
		DeploymentScheduler scheduler = new DeploymentScheduler(this.dispatch, false, 4);
		try {
			int handled = assertTimeoutPreemptively(Duration.ofSeconds(10), scheduler::runOnce);
			assertThat(handled).isZero();
			verify(this.dispatch, times(1)).due(anyInt());
			verify(this.dispatch, times(200)).start(any());
		}
		finally {
			scheduler.destroy();
		}
	}

	@Test
	void fullBatchesAreReadUntilOneIsNotFull() throws Exception {
		when(this.dispatch.due(anyInt())).thenReturn(due(200), due(200), due(7));
		when(this.dispatch.start(any())).thenReturn(DispatchDeployments.Outcome.STARTED);
		DeploymentScheduler scheduler = new DeploymentScheduler(this.dispatch, false, 4);
		try {
			assertThat(scheduler.runOnce()).isEqualTo(407);
			verify(this.dispatch, times(3)).due(anyInt());
			verify(this.dispatch).overdue(anyInt());
		}
		finally {
			scheduler.destroy();
		}
	}

	@Test
	void onceClosingNothingMoreIsClaimed() throws Exception {
		when(this.dispatch.due(anyInt())).thenReturn(due(200));
		when(this.dispatch.start(any())).thenReturn(DispatchDeployments.Outcome.STARTED);
		DeploymentScheduler scheduler = new DeploymentScheduler(this.dispatch, true, 4);
		try {
			scheduler.stopClaiming();
			scheduler.poll();
			assertThat(scheduler.runOnce()).isZero();
			verify(this.dispatch, never()).start(any());
			verify(this.dispatch, atMost(1)).due(anyInt());
			verify(this.dispatch, never()).overdue(anyInt());
		}
		finally {
			scheduler.destroy();
		}
	}

	private static List<DueDeployments.Due> due(int count) {
		OrgId org = new OrgId(UUID.randomUUID());
		return IntStream.range(0, count).mapToObj((i) -> new DueDeployments.Due(org, DeploymentId.random())).toList();
	}

}
