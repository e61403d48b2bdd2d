package app.lockstep.web.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

	private final ReportText text = new ReportText(ZoneId.of("Europe/Paris"));

	@Test
	void theExceptionsNoteCountsThemOrSaysThereAreNone() {
		assertThat(this.text.exceptionsNote(summary(12, 0, 0))).startsWith("No exceptions: every deployment");
		assertThat(this.text.exceptionsNote(summary(12, 2, 0)))
			.isEqualTo("2 of 12 deployments need a look; they come first.");
		assertThat(this.text.exceptionsNote(summary(1, 1, 0)))
			.isEqualTo("1 of 1 deployment needs a look; they come first.");
	}

	@Test
	void theSummaryCountsAreWordedWithTheirPlural() {
		assertThat(this.text.bypassedWindow(summary(3, 0, 1))).isEqualTo("+ 1 emergency bypass");
		assertThat(this.text.bypassedWindow(summary(3, 0, 2))).isEqualTo("+ 2 emergency bypasses");
		assertThat(this.text.notFinished(summary(3, 0, 0))).isEqualTo("0 not finished");
	}

	@Test
	void aConfigChangeNamesBothRevisionsOnlyWhenTheyDiffer() {
		var changed = new ChangeReport.ConfigChange(7, 6, null, "");
		var same = new ChangeReport.ConfigChange(7, 7, null, "");
		var first = new ChangeReport.ConfigChange(7, null, null, "");
		assertThat(this.text.revisionChanged(changed)).isTrue();
		assertThat(this.text.revisionChange(changed)).isEqualTo("Revision 6 → 7");
		assertThat(this.text.revisionChanged(same)).isFalse();
		assertThat(this.text.revisionChanged(first)).isFalse();
		assertThat(this.text.revision(first)).isEqualTo("Revision 7");
		assertThat(this.text.shortRevision(first)).isEqualTo("rev 7");
	}

	@Test
	void timesAreInTheOrganizationsZoneToTheMinute() {
		var review = new Deployment.Review(Instant.parse("2026-03-03T09:05:30Z"), new UserId(UUID.randomUUID()),
				"Lee Lead", "Real outage");
		assertThat(this.text.reviewed(review)).isEqualTo("Reviewed by Lee Lead, 2026-03-03 10:05");
		assertThat(this.text.quoted(review.comment())).isEqualTo("“Real outage”");
		assertThat(this.text.time(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo("2026-07-02 00:30");
	}

	@Test
	void tiersAreOfferedInWords() {
		assertThat(this.text.tierOption("PRODUCTION")).isEqualTo("Production");
		assertThat(this.text.tierOption("ALL")).isEqualTo("All tiers");
	}

	private static ChangeReport.Summary summary(int total, int exceptions, int bypassed) {
		return new ChangeReport.Summary(total, 0, 0, 0, 0, 0, 0, 0, 0, 0, bypassed, exceptions);
	}

}
