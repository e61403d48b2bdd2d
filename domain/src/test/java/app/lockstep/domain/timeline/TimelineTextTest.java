package app.lockstep.domain.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTextTest {

	@Test
	void actionsAreSortedIntoKindsAndUnknownOnesReadAsWords() {
		assertThat(TimelineText.kindOf("deployment.approved")).isEqualTo(TimelineKind.APPROVAL);
		assertThat(TimelineText.kindOf("deployment.waiting_for_window")).isEqualTo(TimelineKind.DEPLOYMENT);
		assertThat(TimelineText.kindOf("approval_policy.updated")).isEqualTo(TimelineKind.POLICY);
		assertThat(TimelineText.kindOf("config.revision_restored")).isEqualTo(TimelineKind.CONFIG);
		assertThat(TimelineText.kindOf("something.new")).isEqualTo(TimelineKind.ENVIRONMENT);
		assertThat(TimelineText.words("approval_policy.updated")).isEqualTo("Approval policy updated");
		assertThat(TimelineText.words("branchPattern")).isEqualTo("Branch pattern");
	}

}
