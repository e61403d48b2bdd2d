package app.lockstep.domain.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's drift headlines are worked out once per set of revisions: the same three
 * revisions answer from memory, and a new revision on either side, a new shared revision
 * or another organization is worked out afresh.
 */
class DriftHeadlinesTest {

	private final OrgId org = OrgId.random();

	private final ProjectId project = ProjectId.random();

	private final ConfigRevision shared = revision(null, 1);

	private final ConfigRevision staging = revision(EnvironmentId.random(), 4);

	private final ConfigRevision production = revision(EnvironmentId.random(), 7);

	private final DriftHeadlines headlines = new DriftHeadlines(100);

	private final AtomicInteger worked = new AtomicInteger();

	@Test
	void theSameRevisionsAnswerFromMemory() {
		assertThat(headline(this.org, this.shared, this.staging, this.production)).isEqualTo("drift 1");
		assertThat(headline(this.org, this.shared, this.staging, this.production)).isEqualTo("drift 1");
		assertThat(this.worked).hasValue(1);
	}

	@Test
	void aNewRevisionAnywhereIsWorkedOutAfresh() {
		headline(this.org, this.shared, this.staging, this.production);
		ConfigRevision nextProduction = revision(this.production.scope().environment(), 8);

		assertThat(headline(this.org, this.shared, this.staging, nextProduction)).isEqualTo("drift 2");
		assertThat(headline(this.org, this.shared, revision(this.staging.scope().environment(), 5), nextProduction))
			.isEqualTo("drift 3");
		assertThat(headline(this.org, revision(null, 2), this.staging, this.production)).isEqualTo("drift 4");
		assertThat(headline(this.org, null, this.staging, this.production)).isEqualTo("drift 5");
		assertThat(headline(OrgId.random(), this.shared, this.staging, this.production)).isEqualTo("drift 6");
	}

	@Test
	void theLeastRecentlyUsedAreForgottenFirst() {
		DriftHeadlines small = new DriftHeadlines(2);
		small.between(this.org, null, this.staging, this.production, () -> "a");
		small.between(this.org, null, this.production, this.staging, () -> "b");
		small.between(this.org, null, this.staging, this.production, () -> "again");
		small.between(this.org, null, this.staging, null, () -> "c");

		assertThat(small.size()).isEqualTo(2);
		assertThat(small.between(this.org, null, this.staging, this.production, () -> "worked out again"))
			.isEqualTo("a");
		assertThat(small.between(this.org, null, this.production, this.staging, () -> "worked out again"))
			.isEqualTo("worked out again");
	}

	private String headline(OrgId org, @Nullable ConfigRevision shared, ConfigRevision left, ConfigRevision right) {
		return this.headlines.between(org, shared, left, right, () -> "drift " + this.worked.incrementAndGet());
	}

	private ConfigRevision revision(@Nullable EnvironmentId environment, int number) {
		return new ConfigRevision(UUID.randomUUID(), new ConfigScope(this.project, environment), number, "", List.of(),
				null, Actor.system("test"), Instant.EPOCH, null, "");
	}

}
