package app.lockstep.web.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTextTest {

	@Test
	void anEmptyPageSaysWhyItIsEmpty() {
		assertThat(new AuditText(true, true, false).emptyNote()).isEqualTo("No event matches these filters.");
		assertThat(new AuditText(false, true, false).emptyNote())
			.isEqualTo("Changes to members, projects and environments will appear here as they happen.");
		assertThat(new AuditText(false, false, false).emptyNote()).isEqualTo("You reached the beginning of the log.");
		assertThat(new AuditText(true, true, true).emptyHeading()).isEqualTo("Check the filters");
		assertThat(new AuditText(false, true, false).emptyHeading()).isEqualTo("No events here");
	}

	@Test
	void theListAndItsDownloadsSayWhetherTheyAreFiltered() {
		assertThat(new AuditText(true, true, false).listed()).isEqualTo("Events matching the filters, newest first.");
		assertThat(new AuditText(false, true, false).listed()).isEqualTo("All events, newest first.");
		assertThat(new AuditText(true, true, false).downloads()).isEqualTo("these events");
		assertThat(new AuditText(false, true, false).downloads()).isEqualTo("the whole chain");
	}

}
