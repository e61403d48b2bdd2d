package app.lockstep.web.deploy;

import java.util.ArrayList;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.DeploymentStatus;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.RoundTrips;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval queue reads what its cards show (places, what is live, the commits each
 * brings, the config revisions each compares) for the whole page at once: a card more
 * costs its deploy target's read, not a round of queries (on the benchmark data the 20
 * cards of a page cost 180 statements before).
 */
@LockstepTest
class ApprovalQueueReadsTest extends ScenarioTestBase {

	static final int CARDS = 6;

	@Autowired
	ViewDeployments view;

	@Test
	void aPageOfRequestsOnDifferentEnvironmentsCostsAboutTheSameAsOne() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		List<Deployment> waiting = new ArrayList<>();
		Caller lead = null;
		for (int i = 0; i < CARDS; i++) {
			DeploymentScenario f = scenario().liveRelease("queue-reads");
			lead = f.caller(ProjectTestSupport.LEAD);
			Deployment request = f.request(f.caller(ProjectTestSupport.DEVELOPER), "production", "1.1.0", null);
			assertThat(request.status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
			waiting.add(request);
		}
		Caller approver = lead;
		var first = waiting.getFirst().id();
		// Warm what every page shares (artifacts and revisions already read stay known).
		this.view.approvalQueueFrom(approver, first, CARDS);
		int one = RoundTrips.during(() -> this.view.approvalQueueFrom(approver, first, 1));
		ViewDeployments.QueuePage[] page = new ViewDeployments.QueuePage[1];
		int all = RoundTrips.during(() -> page[0] = this.view.approvalQueueFrom(approver, first, CARDS));

		assertThat(page[0].requests()).extracting((d) -> d.summary().deployment().id())
			.containsExactlyElementsOf(waiting.stream().map(Deployment::id).toList());
		assertThat(page[0].requests()).allSatisfy((card) -> assertThat(card.commits()).hasSize(12));
		assertThat(all - one).as("round trips of %d cards more", CARDS - 1).isLessThanOrEqualTo(2 * (CARDS - 1));
	}

}
