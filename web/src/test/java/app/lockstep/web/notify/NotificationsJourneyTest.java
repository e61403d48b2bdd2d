package app.lockstep.web.notify;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.WebhookReceiver;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the owner adds a Slack channel on the notifications page (a mistyped
 * URL is named where it was typed), sends a test notice, sees it delivered in the log
 * (the Slack URL never shown again), and removes the channel.
 */
@LockstepTest
class NotificationsJourneyTest extends BrowserJourney {

	@Autowired
	NotificationScheduler notifications;

	@Test
	void theOwnerAddsASlackChannelTestsItAndSeesItDelivered() throws Exception {
		try (WebhookReceiver slack = new WebhookReceiver()) {
			String url = slack.url() + "/services/T1/B1/journey-secret-token";
			browser.login(ProjectTestSupport.OWNER, Demo.PASSWORD)
				.open("/orgs/acme/settings")
				.click("#notifications-link");
			browser.find("#channel-form");
			browser.select("#channel-kind", "slack")
				.type("#channel-name", "#journey-deploys")
				.type("#channel-url", "hooks.slack.com/no-scheme")
				.click("#add-channel-button")
				.waitForText("Nothing was saved");
			assertThat(browser.find("#url-error").getText()).contains("is not an http(s) URL");
			assertThat(browser.find("#channel-name").getAttribute("value")).isEqualTo("#journey-deploys");

			browser.find("#channel-url").clear();
			browser.type("#channel-url", url)
				.click("#add-channel-button")
				.waitForText("Channel “#journey-deploys” added");
			assertThat(browser.text()).contains("127.0.0.1/…").doesNotContain("journey-secret-token");
			browser.open("/orgs/acme/notifications").find("[data-channel='#journey-deploys'] button[id^='test-']");
			browser.click("[data-channel='#journey-deploys'] button[id^='test-']")
				.waitForUrlContaining("channel=")
				.waitForText("Test notice queued");

			this.notifications.sendDue();
			assertThat(slack.deliveries()).hasSize(1);
			assertThat((String) JsonPath.read(slack.deliveries().get(0).text(), "$.text"))
				.isEqualTo("Test notice for #journey-deploys");
			browser.open("/orgs/acme/notifications").find("#delivery-table");
			assertThat(browser.find("#delivery-table").getText()).contains("Test notice for #journey-deploys")
				.contains("Delivered")
				.contains("127.0.0.1 answered 202");
			browser.screenshotPage("notifications");

			browser.click("[data-channel='#journey-deploys'] button[id^='delete-']")
				.waitForText("removed, with its log");
		}
	}

}
