package app.lockstep.web.deploy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.deploy.RequestDeployment;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.tenancy.Members;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Role;
import app.lockstep.web.testing.DeploymentScenario;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.ScenarioTestBase;
import app.lockstep.web.testing.TestMailServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deployment notices by email, into a GreenMail SMTP server: the eligible approvers of a
 * production request (leads, admins and owners of acme, never the requester) get
 * "Approval needed", leads get the emergency notice, no body carries a secret value, and
 * nothing is sent for a request whose transaction rolls back.
 * <p>
 * The shared test context has no SMTP configured (a {@code spring.mail.host} would make a
 * context of its own): each test registers a {@link JavaMailSender} pointed at GreenMail
 * in the shared context, which the real {@link MailDeploymentNotifier} finds at its next
 * notice (it looks the sender up each time), and removes it afterwards. Requests go
 * through the real {@link RequestDeployment}.
 */
@LockstepTest
class DispatchMailTest extends ScenarioTestBase {

	private static final String SENSITIVE_VALUE = "pg-password-never-mailed-41";

	private static final String TARGET_SECRET = "whsec-never-mailed-0123456789";

	private static final String SENDER = "dispatchMailTestSender";

	@Autowired
	Transactions transactions;

	@Autowired
	Members members;

	@Autowired
	RequestDeployment request;

	@Value("${lockstep.mail.from:lockstep@localhost}")
	String from;

	TestMailServer mail;

	GreenMail greenMail;

	@BeforeEach
	void setUp() {
		this.mail = TestMailServer.start(this.context, SENDER);
		this.greenMail = this.mail.greenMail();
	}

	@AfterEach
	void tearDown() {
		this.mail.close();
	}

	@Test
	void eligibleApproversButNotTheRequesterGetApprovalNeeded() throws Exception {
		DeploymentScenario place = production("mail-approval");
		Caller developer = scenario().caller("dev@acme.test");

		Deployment deployment = this.request.request(developer, place.slug(), place.environment(),
				new RequestDeployment.Input(DeploymentScenario.VERSION, null, null, "queue", "Ship the cart fix", false,
						null));

		assertThat(deployment.status().value()).isEqualTo("awaiting_approval");
		Set<String> approvers = emailsOf(developer, Set.of(Role.LEAD, Role.ADMIN, Role.OWNER));
		assertThat(approvers).contains("lead@acme.test", "owner@acme.test").doesNotContain("dev@acme.test");
		assertThat(this.greenMail.waitForIncomingEmail(10_000, approvers.size())).isTrue();
		String subject = "[Lockstep] Approval needed: 1.0.0 with config revision 1 to " + place.slug() + "/production";
		assertThat(recipientsOf(subject)).containsExactlyInAnyOrderElementsOf(approvers)
			.doesNotContain("dev@acme.test", "viewer@acme.test", "auditor@acme.test");
		MimeMessage message = messagesWith(subject).get(0);
		assertThat(message.getFrom()[0].toString()).isEqualTo(this.from);
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("Dana Developer asks to deploy 1.0.0")
			.contains("Ship the cart fix")
			.contains("It needs 1 approval.");
		assertNoSecrets();
	}

	@Test
	void leadsGetTheEmergencyNotice() throws Exception {
		DeploymentScenario place = production("mail-emergency");
		Caller owner = scenario().owner();

		Deployment deployment = this.request.request(owner, place.slug(), place.environment(),
				new RequestDeployment.Input(DeploymentScenario.VERSION, null, null, "reject", null, true,
						"Checkout is down for every customer"));

		assertThat(deployment.emergency()).isTrue();
		Set<String> leads = emailsOf(owner, null);
		assertThat(leads).contains("lead@acme.test").doesNotContain("owner@acme.test");
		assertThat(this.greenMail.waitForIncomingEmail(10_000, leads.size())).isTrue();
		String subject = "[Lockstep] Emergency deployment of 1.0.0 with config revision 1 to " + place.slug()
				+ "/production";
		assertThat(recipientsOf(subject)).containsExactlyInAnyOrderElementsOf(leads);
		assertThat(GreenMailUtil.getBody(messagesWith(subject).get(0)))
			.contains("Olivia Owner deployed 1.0.0 with config revision 1 to " + place.slug() + "/production")
			.contains("Reason: Checkout is down for every customer")
			.contains("review queue");
		assertThat(recipientsOf("[Lockstep] Approval needed")).isEmpty();
		assertNoSecrets();
	}

	@Test
	void nothingIsSentWhenTheRequestRollsBack() throws Exception {
		DeploymentScenario place = production("mail-rollback");
		Caller developer = scenario().caller("dev@acme.test");

		assertThatThrownBy(() -> this.transactions.inTenant(developer.orgId(), () -> {
			this.request.request(developer, place.slug(), place.environment(),
					new RequestDeployment.Input(DeploymentScenario.VERSION, null, null, "queue", null, false, null));
			throw new IllegalStateException("something later in the same transaction failed");
		})).hasMessageContaining("something later");

		assertThat(this.greenMail.waitForIncomingEmail(1_500, 1)).isFalse();
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
	}

	/**
	 * A production environment of a fresh project whose config holds a sensitive variable
	 * and whose deploy target is a webhook with a secret.
	 */
	private DeploymentScenario production(String prefix) {
		return scenario().project(prefix, "production", "PRODUCTION")
			.readyToDeploy(List.of(new VariableInput("DATABASE_PASSWORD", SENSITIVE_VALUE, true, Visibility.BOTH)))
			.webhook("http://127.0.0.1:9/hook", TARGET_SECRET);
	}

	/**
	 * The emails of acme's members other than {@code except} with one of these roles
	 * (null: the roles that may approve deployments).
	 */
	private Set<String> emailsOf(Caller except, Set<Role> roles) {
		List<Member> all = this.transactions.inTenant(except.orgId(), () -> this.members.list(except.orgId()));
		return all.stream()
			.filter((member) -> (roles != null) ? roles.contains(member.role())
					: member.role().allows(Permission.APPROVE_DEPLOYMENTS))
			.filter((member) -> !member.userId().equals(except.userId()))
			.map(Member::email)
			.collect(Collectors.toSet());
	}

	/**
	 * Who received a message with this subject (each recipient has a mailbox of its own).
	 */
	private Set<String> recipientsOf(String subjectStart) {
		return this.greenMail.getUserManager()
			.listUser()
			.stream()
			.filter((user) -> this.greenMail.findReceivedMessages((u) -> u.equals(user), (message) -> {
				try {
					return message.getSubject().startsWith(subjectStart);
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			}).findAny().isPresent())
			.map((user) -> user.getEmail())
			.collect(Collectors.toSet());
	}

	private List<MimeMessage> messagesWith(String subject) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			if (subject.equals(message.getSubject())) {
				found.add(message);
			}
		}
		assertThat(found).as("messages titled " + subject).isNotEmpty();
		return found;
	}

	private void assertNoSecrets() throws Exception {
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			String raw = GreenMailUtil.getWholeMessage(message);
			assertThat(raw).doesNotContain(SENSITIVE_VALUE).doesNotContain(TARGET_SECRET);
			assertThat(message.getAllRecipients()).as("recipients are blind-copied, not listed").isNull();
		}
	}

}
