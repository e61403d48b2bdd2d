package app.lockstep.web.project;

import java.time.ZoneId;
import java.util.UUID;

import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoardTextTest {

	private final BoardText text = new BoardText();

	@Test
	void overdueReviewsAreCountedInWords() {
		assertThat(this.text.overdueReviews(1)).isEqualTo("1 emergency deployment unreviewed for more than 48 hours");
		assertThat(this.text.overdueReviews(2)).isEqualTo("2 emergency deployments unreviewed for more than 48 hours");
	}

	@Test
	void aDriftNamesBothEnvironmentsAndWhatDiffers() {
		assertThat(this.text.drift(new CompareEnvironments.PairDrift("staging", "production", "php 8.3 vs 8.2")))
			.isEqualTo("staging ≠ production: php 8.3 vs 8.2");
	}

	@Test
	void anEnvironmentIsNumberedByItsPlace() {
		Environment production = new Environment(new EnvironmentId(UUID.randomUUID()), new ProjectId(UUID.randomUUID()),
				"production", Tier.PRODUCTION, 3, null, ZoneId.of("UTC"));
		assertThat(this.text.position(production)).isEqualTo("3.");
	}

}
