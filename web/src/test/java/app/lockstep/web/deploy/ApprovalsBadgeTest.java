package app.lockstep.web.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.deploy.ConfigureApprovalPolicy;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The count beside "Approvals", which each instance keeps in memory: a new request and a
 * decision move it at once, and a decision that expires brings the request back into the
 * count when it expires, though nothing changed in the database. (That another instance
 * sees the changes within a second is {@code TwoInstancesTest}'s.)
 */
@LockstepTest
class ApprovalsBadgeTest extends ScenarioTestBase {

	/** A Tuesday after every approval other tests give has expired. */
	private static final Instant LATER = Instant.parse("2027-01-05T09:00:00Z");

	@Test
	void aRequestADecisionAndItsExpiryMoveTheCount() throws Exception {
		this.clock.pin(LATER);
		DeploymentScenario place = scenario().project("badge", "staging", "STAGING").readyToDeploy(List.of());
		this.context.getBean(ConfigureApprovalPolicy.class)
			.update(place.owner(), place.slug(), "staging",
					new ConfigureApprovalPolicy.Input(2, List.of("LEAD", "ADMIN", "OWNER"), false, 24, null));
		int before = badge();

		Deployment requested = place.request(place.caller(ProjectTestSupport.DEVELOPER));
		assertThat(requested.status().value()).isEqualTo("awaiting_approval");
		assertThat(badge()).isEqualTo(before + 1);
		assertThat(badge()).as("read again, from memory").isEqualTo(before + 1);

		place.approve(place.caller(ProjectTestSupport.LEAD), "staging", requested, null);
		assertThat(badge()).as("decided: one approval of two").isEqualTo(before);

		this.clock.advance(Duration.ofHours(23));
		assertThat(badge()).isEqualTo(before);
		this.clock.advance(Duration.ofHours(2));
		assertThat(badge()).as("the lead's approval expired after 24 hours").isEqualTo(before + 1);
	}

	private int badge() throws Exception {
		String slot = this.mvc.perform(get("/orgs/acme/approvals/badge").session(as(ProjectTestSupport.LEAD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher count = Pattern.compile("id=\"approvals-badge\">(\\d+)<").matcher(slot);
		return count.find() ? Integer.parseInt(count.group(1)) : 0;
	}

}
