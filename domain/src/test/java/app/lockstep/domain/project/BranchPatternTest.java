package app.lockstep.domain.project;

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

}
