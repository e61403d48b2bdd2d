package app.lockstep.web.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.window.UpdateDeploymentWindows;
import app.lockstep.domain.window.WindowRulesInput;
import app.lockstep.web.config.ConfigFixtures;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.BrowserJourney;
import app.lockstep.web.testing.Demo;
import app.lockstep.web.testing.LockstepTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A viewer opens a production timeline from the environment page, sees code, config,
 * deployments and policies together, narrows it to code with a pill (htmx) and widens it
 * again. Screenshots land in target/screenshots.
 */
@LockstepTest
class TimelineJourneyTest extends BrowserJourney {

	@Autowired
	IngestCodeChanges ingest;

	@Autowired
	SaveConfigRevision saveConfig;

	@Autowired
	UpdateDeploymentWindows updateWindows;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Transactions transactions;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Test
	void aViewerReadsTheProductionTimelineAndFiltersItToCode() throws Exception {
		this.clock.pin(Instant.parse("2026-11-23T08:12:00Z"));
		String project = ProjectTestSupport.projectWithEnvironments(this.mvc, "journey");
		later(Duration.ofMinutes(40));
		push(project, "release/1.4", "Add the express checkout", "Dana Developer");
		later(Duration.ofMinutes(3));
		push(project, "release/1.4", "Fix rounding of VAT in the basket", "Sam Lead");
		later(Duration.ofMinutes(25));
		save(project, ConfigFixtures.SPEC, List.of(), "First production config", null);
		later(Duration.ofHours(2));
		save(project, ConfigFixtures.SPEC.replace("php:8.3", "php:8.4"),
				List.of(new VariableInput("CHECKOUT_EXPRESS", "on", false, Visibility.RUNTIME)),
				"PHP 8.4 and the express checkout flag", 1);
		later(Duration.ofMinutes(5));
		String deployment = UUID.randomUUID().toString();
		event(project, "deployment.requested", deployment,
				Map.of("artifact", "1.4.2", "configRevision", 2, "emergency", false));
		later(Duration.ofMinutes(20));
		event(project, "deployment.approved", deployment, Map.of("artifact", "1.4.2", "comment", "Ship it"));
		later(Duration.ofHours(18));
		this.updateWindows.update(owner(), project, "production",
				new WindowRulesInput(null, List
					.of(new WindowRulesInput.BlockInput("No Friday deploys", List.of("FRIDAY"), "00:00", "24:00")),
						List.of(), List.of()));
		later(Duration.ofMinutes(7));
		event(project, "deployment.started", deployment, Map.of("artifact", "1.4.2"));
		later(Duration.ofMinutes(4));
		event(project, "deployment.succeeded", deployment, Map.of("artifact", "1.4.2"));

		browser.login(ProjectTestSupport.VIEWER, Demo.PASSWORD)
			.open("/orgs/acme/projects/" + project + "/environments/production")
			.click("#timeline-link")
			.waitForPath("/orgs/acme/projects/" + project + "/environments/production/timeline")
			.waitForText("Deployment of 1.4.2 succeeded")
			.screenshotPage("timeline-production");
		assertThat(browser.text()).contains("Config revision 2 saved", "Add the express checkout",
				"Deployment windows changed", "Deployment of 1.4.2 approved");

		browser.click("#kind-code").waitForUrlContaining("kind=code");
		browser.waitForText("Fix rounding of VAT");
		assertThat(browser.all(".timeline-entry")).hasSize(2);
		assertThat(browser.find("#kind-code").getAttribute("class")).contains("active");
		browser.screenshot("timeline-code-only");
		browser.click("#kind-all").waitForText("Deployment of 1.4.2 succeeded");
		assertThat(browser.all(".timeline-entry").size()).isGreaterThan(8);
	}

	void later(Duration duration) {
		this.clock.advance(duration);
	}

	Caller owner() {
		return ProjectTestSupport.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER,
				"acme");
	}

	void push(String project, String branch, String message, String author) {
		byte[] bytes = new byte[20];
		ThreadLocalRandom.current().nextBytes(bytes);
		String sha = HexFormat.of().formatHex(bytes);
		this.ingest.ingest(owner(), project, List.of(new CommitInput(sha, branch, author, message,
				this.clock.instant().minusSeconds(300).toString(), "https://git.example.com/acme/shop/commit/" + sha)));
	}

	void save(String project, String spec, List<VariableInput> variables, String message, @Nullable Integer base) {
		this.saveConfig.save(owner(),
				new SaveConfigRevision.Command(project, "production", base, spec, variables, message));
	}

	void event(String project, String action, String id, Map<String, Object> details) {
		Caller owner = owner();
		this.transactions.inTenant(owner.orgId(), () -> {
			AuditEntry.Builder entry = AuditEntry.of(action, "deployment", id)
				.project(project)
				.environment("production");
			details.forEach(entry::detail);
			this.auditLog.append(owner.orgId(), owner.actor(), entry.build());
			return null;
		});
	}

}
