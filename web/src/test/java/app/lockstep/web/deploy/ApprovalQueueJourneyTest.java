package app.lockstep.web.deploy;

import java.time.Duration;

import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a lead opens the approval queue from the navigation's count, reads
 * the config diff, is told beside the comment that a rejection needs one, approves with
 * one click (the card and the count change in place), then reviews an overdue emergency
 * the dashboard warns about. Screenshots land in target/screenshots.
 */
@LockstepTest
class ApprovalQueueJourneyTest extends BrowserJourney {

	@Test
	void aLeadDecidesFromTheQueueAndReviewsAnOverdueEmergency() throws Exception {
		this.clock.pin(DeploymentScenario.TUESDAY);
		DeploymentScenario project = scenario().liveRelease("journey");
		Deployment request = project.requestRelease("dev@acme.test", "Ships the new checkout");
		String card = "#request-" + request.id();

		browser.login("lead@acme.test", "lockstep-demo").open("/orgs/acme");
		assertThat(browser.find("#approvals-badge").getText()).matches("\\d+");
		browser.click("#nav-approvals").waitForPath("/orgs/acme/approvals").showMoreUntil(card, "#queue-show-more");
		assertThat(browser.find(card + " > summary").getText()).contains("12 commits", "Open until");
		assertThat(browser.find(card).getAttribute("open")).isNull();
		browser.click(card + " > summary").click(card + " .queue-diff summary");
		browser.screenshotPage("approval-queue");

		browser.click(card + " .queue-reject").waitForText("Say why you reject it");
		assertThat(browser.find(card + " textarea").getAttribute("class")).contains("is-invalid");
		browser.screenshot("approval-queue-reject-needs-comment");

		browser.type(card + " textarea", "Ship it before the sale");
		browser.click(card + " .queue-approve").waitForText("Approved — scheduled for Tue 24 Nov 2026, 11:00 CET.");
		assertThat(browser.all(card + " .queue-approve")).isEmpty();
		browser.screenshot("approval-queue-approved");

		Deployment emergency = project.emergencyRelease("Checkout is down after the payment change");
		this.clock.advance(Duration.ofHours(49));
		browser.open("/orgs/acme").waitForText("unreviewed for more than 48 hours");
		browser.screenshotPage("dashboard-overdue-reviews");
		browser.click("#overdue-reviews a").waitForPath("/orgs/acme/reviews");
		String review = "#emergency-" + emergency.id();
		assertThat(browser.find(review + " .review-overdue").getText()).isEqualToIgnoringCase("Overdue");
		browser.screenshotPage("review-queue");
		browser.type(review + " textarea", "Real outage; the payment change is rolled into 1.1.1");
		browser.click(review + " .review-submit").waitForText("Reviewed — the emergency deployment leaves the queue.");
		browser.screenshot("review-queue-reviewed");
	}

}
