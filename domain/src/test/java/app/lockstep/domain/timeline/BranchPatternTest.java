package app.lockstep.domain.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BranchPatternTest {

	@Test
	void noPatternMatchesEveryBranch() {
		assertThat(BranchPattern.of(null).matches("anything/at/all")).isTrue();
		assertThat(BranchPattern.of("  ").any()).isTrue();
	}

	@Test
	void aPlainNameMatchesOnlyItselfAndIsQueriedExactly() {
		BranchPattern main = BranchPattern.of("main");
		assertThat(main.exactBranch()).isEqualTo("main");
		assertThat(main.matches("main")).isTrue();
		assertThat(main.matches("main2")).isFalse();
	}

	@Test
	void starsStayWithinASegmentAndDoubleStarsCrossThem() {
		BranchPattern release = BranchPattern.of("release/*");
		assertThat(release.exactBranch()).isNull();
		assertThat(release.matches("release/1.4")).isTrue();
		assertThat(release.matches("release/1.4/fix")).isFalse();
		assertThat(release.matches("main")).isFalse();
		assertThat(BranchPattern.of("release/**").matches("release/1.4/fix")).isTrue();
		assertThat(BranchPattern.of("v?.x").matches("v1.x")).isTrue();
		assertThat(BranchPattern.of("a.b").matches("axb")).isFalse();
	}

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
