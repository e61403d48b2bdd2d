package app.lockstep.domain.deploy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.code.GitRef;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.AcmeShopOnFakes;
import app.lockstep.domain.testing.DeployUseCasesForTests;
import app.lockstep.domain.window.WindowRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link AutomaticDeployments} and {@link ConfigureAutoDeploy} on in-memory fakes: a
 * build deploys once both it and a matching branch or tag are known, in either order, at
 * most once per environment, through the same gate, promotion rule and windows as a
 * request by hand.
 */
class AutomaticDeploymentsTest {

	/** A Friday: production's default windows are closed until Monday 00:00 UTC. */
	private static final Instant FRIDAY = Instant.parse("2026-12-04T10:00:00Z");

	private final AcmeShopOnFakes world = new AcmeShopOnFakes();

	private final DeployUseCasesForTests useCases = new DeployUseCasesForTests(this.world.fakes);

	private final AutomaticDeployments automatic = this.useCases.automaticDeployments();

	private final ConfigureAutoDeploy configure = this.useCases.configureAutoDeploy();

	private final Environment development = developmentOnMain();

	@Test
	void aBuildOfAPushedCommitDeploysWhereTheBranchMatchesOnceAndNamesThePush() {
		follow("development", "branch", null, null);
		Artifact build = buildOnBranch("main", "3.0.0", "c");

		this.automatic.registered(this.world.org, this.world.shop.id(), "shop", build);
		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.branch("main"), build.commitSha(),
				"dana");

		List<Deployment> deployments = deploymentsOn(this.development.id());
		assertThat(deployments).singleElement().satisfies((d) -> {
			assertThat(d.artifactId()).isEqualTo(build.id());
			assertThat(d.status()).isEqualTo(DeploymentStatus.SCHEDULED);
			assertThat(d.requestedBy().type()).isEqualTo(Actor.Type.SYSTEM);
			assertThat(d.requestedByUser()).as("the member who set the rule asks").isEqualTo(this.world.admin.userId());
		});
		AuditEntry requested = this.world.fakes.auditLog.entries(this.world.org, "deployment.requested").getFirst();
		assertThat(requested.details()).containsEntry("trigger", "branch main")
			.containsEntry("automatic", true)
			.containsEntry("commitSha", build.commitSha())
			.containsEntry("ruleBy", "Ada");
		assertThat(this.configure.view(this.world.dev, "shop", "development").recent()).singleElement()
			.satisfies((t) -> {
				assertThat(t.outcome()).isEqualTo(AutomaticDeployment.Outcome.REQUESTED);
				assertThat(t.ref()).isEqualTo("branch main");
			});
	}

	@Test
	void aBuildRegisteredBeforeItsPushDeploysWhenThePushArrives() {
		follow("development", "branch", null, null);
		Artifact build = this.world.fakes.artifact(this.world.org, this.world.shop, "3.0.0", "d".repeat(40));

		this.automatic.registered(this.world.org, this.world.shop.id(), "shop", build);
		assertThat(deploymentsOn(this.development.id())).as("no branch known yet").isEmpty();

		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.branch("main"), build.commitSha(),
				"dana");
		assertThat(deploymentsOn(this.development.id())).hasSize(1);
	}

	@Test
	void otherBranchesAndEnvironmentsWithoutARuleDoNotDeploy() {
		follow("development", "branch", null, null);
		Artifact build = buildOnBranch("feature/login", "3.0.0-login", "e");

		this.automatic.registered(this.world.org, this.world.shop.id(), "shop", build);

		assertThat(this.world.fakes.deployments.all(this.world.org)).isEmpty();
	}

	@Test
	void aMatchingTagDeploysItsCommitsBuild() {
		follow("staging", "tag", "v*", null);
		Artifact build = this.world.v2;

		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.tag("release-2"), build.commitSha(),
				"dana");
		assertThat(deploymentsOn(this.world.staging.id())).as("release-2 is not v*").isEmpty();

		this.world.fakes.codeChanges.addTag(this.world.org, this.world.shop.id(), "v2.0.0", build.commitSha(), FRIDAY);
		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.tag("v2.0.0"), build.commitSha(),
				"dana");
		assertThat(deploymentsOn(this.world.staging.id())).singleElement()
			.satisfies((d) -> assertThat(d.artifactId()).isEqualTo(build.id()));
	}

	@Test
	void aClosedWindowRefusesWhenTheRuleSaysRejectAndTheRefusalIsRecordedAndAudited() {
		this.world.fakes.clock.set(FRIDAY);
		follow("production", "tag", "v*", "reject");

		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.tag("v2.0.0"),
				this.world.v2.commitSha(), "dana");

		assertThat(deploymentsOn(this.world.production.id())).isEmpty();
		assertThat(this.configure.view(this.world.dev, "shop", "production").recent()).singleElement()
			.satisfies((t) -> {
				assertThat(t.outcome()).isEqualTo(AutomaticDeployment.Outcome.REFUSED);
				assertThat(t.detail()).contains(WindowRules.NO_FRIDAY_DEPLOYS);
			});
		AuditEntry refused = this.world.fakes.auditLog.last(this.world.org);
		assertThat(refused.action()).isEqualTo("deployment.automatic_refused");
		assertThat(refused.details()).containsEntry("trigger", "tag v2.0.0").containsEntry("pushedBy", "dana");
	}

	@Test
	void aClosedWindowQueuesByDefaultAndTheGateStillAsksForApproval() {
		this.world.fakes.clock.set(FRIDAY);
		follow("production", "tag", "v*", null);

		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.tag("v2.0.0"),
				this.world.v2.commitSha(), "dana");

		assertThat(deploymentsOn(this.world.production.id())).singleElement()
			.satisfies((d) -> assertThat(d.status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL));
	}

	@Test
	void theMissingPromotionStepIsARecordedRefusal() {
		this.world.productionGate(0, List.of(app.lockstep.domain.access.Role.LEAD), false, "staging");
		follow("production", "tag", "v*", null);

		this.automatic.moved(this.world.org, this.world.shop.id(), "shop", GitRef.tag("v2.0.0"),
				this.world.v2.commitSha(), null);

		assertThat(deploymentsOn(this.world.production.id())).isEmpty();
		assertThat(this.configure.view(this.world.dev, "shop", "production").recent().getFirst().detail())
			.contains("staging");
	}

	@Test
	void followingABranchNeedsABranchPatternAndATagRuleNeedsAPattern() {
		ValidationException noPattern = catchThrowableOfType(ValidationException.class,
				() -> follow("staging", "branch", null, null));
		assertThat(noPattern.errors()).extracting(FieldError::field).containsExactly("source");

		ValidationException noTags = catchThrowableOfType(ValidationException.class,
				() -> follow("staging", "tag", " ", "sometimes"));
		assertThat(noTags.errors()).extracting(FieldError::field).containsExactly("tagPattern", "whenBlocked");
		assertThat(this.configure.view(this.world.dev, "shop", "staging").rule()).isNull();
	}

	@Test
	void onlyMembersWhoManagePoliciesSetItAndTurningItOffStopsDeploying() {
		assertThatThrownBy(() -> this.configure.update(this.world.dev, "shop", "development",
				new ConfigureAutoDeploy.Input(true, "branch", null, null)))
			.isInstanceOf(ForbiddenException.class);

		follow("development", "branch", null, null);
		this.configure.update(this.world.admin, "shop", "development",
				new ConfigureAutoDeploy.Input(false, null, null, null));
		this.automatic.registered(this.world.org, this.world.shop.id(), "shop", buildOnBranch("main", "3.0.0", "f"));

		assertThat(this.world.fakes.deployments.all(this.world.org)).isEmpty();
		assertThat(this.world.fakes.auditLog.entries(this.world.org, "auto_deploy.updated")).hasSize(2);
	}

	private void follow(String environment, String source, String tagPattern, String whenBlocked) {
		this.configure.update(this.world.admin, "shop", environment,
				new ConfigureAutoDeploy.Input(true, source, tagPattern, whenBlocked));
	}

	private Environment developmentOnMain() {
		Environment environment = new Environment(EnvironmentId.random(), this.world.shop.id(), "development",
				Tier.DEVELOPMENT, 0, "main", ZoneId.of("UTC"));
		this.world.fakes.environments.create(this.world.org, environment, this.world.fakes.clock.instant());
		return environment;
	}

	private Artifact buildOnBranch(String branch, String version, String shaLetter) {
		String sha = shaLetter.repeat(40);
		List<Commit> commits = Commit.validate(List
			.of(new app.lockstep.domain.code.CommitInput(sha, branch, "Dana", "change", "2026-12-01T08:00:00Z", null)));
		this.world.fakes.codeChanges.addAll(this.world.org, this.world.shop.id(), commits, CodeSource.API,
				this.world.fakes.clock.instant());
		return this.world.fakes.artifact(this.world.org, this.world.shop, version, sha);
	}

	private List<Deployment> deploymentsOn(EnvironmentId environment) {
		return this.world.fakes.deployments.all(this.world.org)
			.stream()
			.filter((d) -> d.environmentId().equals(environment))
			.toList();
	}

}
