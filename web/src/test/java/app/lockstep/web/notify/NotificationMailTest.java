package app.lockstep.web.notify;

import java.util.Arrays;
import java.util.List;

import app.lockstep.domain.notify.ManageNotificationChannels;
import app.lockstep.domain.notify.NotificationChannel;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.TestMailServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email channel, into a GreenMail SMTP server: a deployment that fails in the
 * channel's project is mailed to its recipients with a link to the deployment. The shared
 * test context has no SMTP configured: {@link TestMailServer} registers a sender for the
 * test.
 */
@LockstepTest
class NotificationMailTest extends ScenarioTestBase {

	private static final String SENDER = "notificationMailTestSender";

	@Autowired
	NotificationScheduler notifications;

	@Autowired
	ManageNotificationChannels channels;

	TestMailServer mail;

	GreenMail greenMail;

	NotificationChannel channel;

	@BeforeEach
	void setUp() {
		this.mail = TestMailServer.start(this.context, SENDER);
		this.greenMail = this.mail.greenMail();
	}

	@AfterEach
	void tearDown() {
		this.mail.close();
		if (this.channel != null) {
			this.channels.remove(scenario().owner(), this.channel.id());
		}
	}

	@Test
	void aFailedDeploymentIsMailedToTheChannelsRecipients() throws Exception {
		DeploymentScenario place = scenario().developmentBuild("notify-mail");
		this.channel = this.channels.add(place.owner(), new ManageNotificationChannels.NewChannel("email", "On call",
				place.slug(), null, null, "oncall@example.com; leads@example.com", List.of("deployment_failed")));

		place.deploy(place.environment(), DeploymentScenario.VERSION, "failed");
		this.notifications.sendDue();

		assertThat(this.greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
		MimeMessage message = this.greenMail.getReceivedMessages()[0];
		assertThat(message.getSubject())
			.isEqualTo("[Lockstep] Deployment failed: 1.0.0 to " + place.slug() + "/" + place.environment());
		assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
			.containsExactlyInAnyOrder("oncall@example.com", "leads@example.com");
		assertThat(GreenMailUtil.getBody(message)).contains("/orgs/acme/projects/" + place.slug() + "/environments/");
		assertThat(this.channels.overview(place.owner(), this.channel.id()).log()).singleElement()
			.satisfies((entry) -> assertThat(entry.detail()).isEqualTo("sent to 2 recipients"));
	}

}
