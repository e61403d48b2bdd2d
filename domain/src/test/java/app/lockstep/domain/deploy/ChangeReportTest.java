package app.lockstep.domain.deploy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeSource;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.SecretSealing;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.testing.DeployUseCasesForTests;
import app.lockstep.domain.testing.Fakes;
import app.lockstep.domain.window.Block;
import app.lockstep.domain.window.WindowRules;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ChangeReport} on in-memory fakes, over deployments made with the real use cases
 * (request, decide, dispatch): what each deployed (commits, config change), separation of
 * duties, windows at start, emergencies, the flags and the summary.
 */
class ChangeReportTest {

	private static final String SPEC = "applications:\n  app:\n    type: \"php:8.5\"\n";

	private static final String FIRST = "1".repeat(40);

	private static final String SECOND = "2".repeat(40);

	/** A Tuesday, before the period the report covers. */
	private static final Instant BEFORE = Instant.parse("2026-11-17T10:00:00Z");

	private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

	private static final Instant WEDNESDAY = Instant.parse("2026-12-02T09:00:00Z");

	private static final Instant FRIDAY = Instant.parse("2026-12-04T10:00:00Z");

	private static final ChangeReport.Period PRODUCTION = period(Tier.PRODUCTION);

	private final Fakes fakes = new Fakes(BEFORE);

	private final DeployUseCasesForTests useCases = new DeployUseCasesForTests(this.fakes);

	private final RequestDeployment request = this.useCases.requestDeployment();

	private final DecideOnDeployment decide = this.useCases.decideOnDeployment();

	private final DispatchDeployments dispatch = this.useCases
		.dispatchDeployments(DispatchDeployments.RetryPolicy.DEFAULT);

	private final ChangeReport report = this.useCases.changeReport();

	private final SaveConfigRevision saveConfig = new SaveConfigRevision(this.fakes.projects, this.fakes.environments,
			this.fakes.revisions, new SecretSealing(this.fakes.cipher), this.fakes.auditLog, this.fakes.transactions,
			this.fakes.clock);

	private final Organization acme = this.fakes.organization("acme");

	private final OrgId org = this.acme.id();

	private final Caller dev = this.fakes.member(this.acme, "Dana", Role.DEVELOPER);

	private final Caller lead = this.fakes.member(this.acme, "Lee", Role.LEAD);

	private final Caller admin = this.fakes.member(this.acme, "Ada", Role.ADMIN);

	private final Caller auditor = this.fakes.member(this.acme, "Aud", Role.AUDITOR);

	private final Project shop = this.fakes.project(this.org, "shop");

	private final Environment staging = this.fakes.environment(this.org, this.shop, "staging", Tier.STAGING, 1);

	private final Environment production = this.fakes.environment(this.org, this.shop, "production", Tier.PRODUCTION,
			2);

	private Deployment approved;

	private Deployment selfApproved;

	private Deployment emergency;

	private Deployment onStaging;

	/**
	 * Before the period: 1.0.0 with config revision 1 goes live on production. In it:
	 * 2.0.0 with revision 2, approved by a lead, succeeds (Tuesday); a lead approves
	 * their own request (the gate allowed it for a while) that is still scheduled; an
	 * admin's emergency on Friday starts and fails; and staging gets 2.0.0 on Wednesday.
	 */
	@BeforeEach
	void history() {
		this.fakes.codeChanges.addAll(this.org, this.shop.id(),
				List.of(new Commit(FIRST, "main", "Dana", "First", BEFORE.minusSeconds(86_400), null),
						new Commit(SECOND, "main", "Dana", "Second\n\ndetails", TUESDAY.minusSeconds(86_400), null)),
				CodeSource.GITHUB, TUESDAY.minusSeconds(86_000));
		this.fakes.artifact(this.org, this.shop, "1.0.0", FIRST);
		this.fakes.artifact(this.org, this.shop, "2.0.0", SECOND);

		saveConfig(null, List.of(plain("A", "1")));
		finish(run(approvedBy(this.lead, requestBy(this.dev, "production", "1.0.0", false))),
				DeploymentStatus.SUCCEEDED);

		this.fakes.clock.set(TUESDAY);
		saveConfig(1, List.of(plain("A", "1"), plain("B", "2")));
		this.approved = finish(run(approvedBy(this.lead, requestBy(this.dev, "production", "2.0.0", false))),
				DeploymentStatus.SUCCEEDED);

		this.fakes.policies.save(this.org, this.production.id(),
				new ApprovalPolicy(1, EnumSet.of(Role.OWNER, Role.ADMIN, Role.LEAD), true, 72, null, TUESDAY, "Ada"));
		this.selfApproved = approvedBy(this.lead, requestBy(this.lead, "production", "2.0.0", false));
		this.fakes.policies.save(this.org, this.production.id(), ApprovalPolicy.defaultFor(Tier.PRODUCTION));

		this.fakes.clock.set(WEDNESDAY);
		this.onStaging = finish(run(requestBy(this.dev, "staging", "2.0.0", false)), DeploymentStatus.SUCCEEDED);

		this.fakes.clock.set(FRIDAY);
		this.emergency = finish(run(requestBy(this.admin, "production", "2.0.0", true)), DeploymentStatus.FAILED);
	}

	@Test
	void theReportListsTheTiersDeploymentsOfThePeriodExceptionsFirst() {
		ChangeReport.Report report = this.report.report(this.auditor, PRODUCTION);

		assertThat(report.entries()).extracting((e) -> e.deployment().id())
			.containsExactly(this.emergency.id(), this.selfApproved.id(), this.approved.id());
		assertThat(report.exceptions()).hasSize(2);
		assertThat(report.summary()).isEqualTo(new ChangeReport.Summary(3, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 2));
	}

	@Test
	void anApprovedDeploymentShowsWhatItBroughtAndThatDutiesHeld() {
		ChangeReport.Entry entry = entryOf(this.report.report(this.auditor, PRODUCTION), this.approved);

		assertThat(entry.artifactVersion()).isEqualTo("2.0.0");
		assertThat(entry.previousArtifactVersion()).isEqualTo("1.0.0");
		assertThat(entry.commits()).extracting(CodeChange::sha).containsExactly(SECOND);
		assertThat(entry.commitCount()).isEqualTo(1);
		assertThat(entry.config().revision()).isEqualTo(2);
		assertThat(entry.config().previousRevision()).isEqualTo(1);
		assertThat(entry.config().text()).isEqualTo("+1 ~0 -0 variables");
		assertThat(entry.approvals()).extracting(Approval::approverName).containsExactly("Lee");
		assertThat(entry.duties()).isEqualTo(ChangeReport.Duties.HELD);
		assertThat(entry.window()).isEqualTo(ChangeReport.WindowAtStart.INSIDE);
		assertThat(entry.requester()).isEqualTo("Dana");
		assertThat(entry.outcome()).isEqualTo("succeeded");
		assertThat(entry.flags()).isEmpty();
	}

	@Test
	void onlyTheEntriesShownReadTheirCommitsAndConfigChange() {
		ChangeReport.Report report = this.report.report(this.auditor, PRODUCTION, 2);

		assertThat(report.summary()).isEqualTo(this.report.report(this.auditor, PRODUCTION).summary());
		assertThat(report.detailed()).isEqualTo(2);
		assertThat(report.detailedEntries()).extracting((e) -> e.deployment().id())
			.containsExactly(this.emergency.id(), this.selfApproved.id());
		ChangeReport.Entry notShown = entryOf(report, this.approved);
		assertThat(notShown.artifactVersion()).isEqualTo("2.0.0");
		assertThat(notShown.approvals()).extracting(Approval::approverName).containsExactly("Lee");
		assertThat(notShown.commits()).isEmpty();
		assertThat(notShown.config().revision()).isNull();
		assertThat(entryOf(report, this.emergency).config().text()).isEqualTo("unchanged");
	}

	@Test
	void artifactsAreReadOnceAcrossReports() {
		this.report.report(this.auditor, PRODUCTION);
		int reads = this.fakes.artifacts.readsById();

		ChangeReport.Report again = this.report.report(this.auditor, PRODUCTION);

		assertThat(this.fakes.artifacts.readsById()).as("artifacts never change: none read again").isEqualTo(reads);
		assertThat(entryOf(again, this.approved).previousArtifactVersion()).isEqualTo("1.0.0");
	}

	@Test
	void selfApprovalViolatesSeparationOfDuties() {
		ChangeReport.Entry entry = entryOf(this.report.report(this.auditor, PRODUCTION), this.selfApproved);

		assertThat(entry.duties()).isEqualTo(ChangeReport.Duties.VIOLATED);
		assertThat(entry.window()).isEqualTo(ChangeReport.WindowAtStart.NOT_STARTED);
		assertThat(entry.flags()).containsExactly(ChangeReport.Flag.DUTIES_VIOLATED);
	}

	@Test
	void anUnreviewedEmergencyThatBypassedTheWindowAndFailedIsFlaggedForBoth() {
		ChangeReport.Entry entry = entryOf(this.report.report(this.auditor, PRODUCTION), this.emergency);

		assertThat(entry.duties()).isEqualTo(ChangeReport.Duties.NOT_REQUIRED);
		assertThat(entry.window()).isEqualTo(ChangeReport.WindowAtStart.BYPASSED);
		assertThat(entry.windowRule()).isEqualTo(WindowRules.NO_FRIDAY_DEPLOYS);
		assertThat(entry.config().text()).isEqualTo("unchanged");
		assertThat(entry.commits()).as("same artifact as live: nothing new").isEmpty();
		assertThat(entry.flags()).containsExactly(ChangeReport.Flag.UNREVIEWED_EMERGENCY, ChangeReport.Flag.FAILED);
	}

	@Test
	void windowsAreJudgedWithTheEnvironmentsRulesAsTheyAreNow() {
		ChangeReport.Period all = period(null);
		assertThat(entryOf(this.report.report(this.auditor, all), this.onStaging).window())
			.isEqualTo(ChangeReport.WindowAtStart.INSIDE);

		this.fakes.windows.save(this.org, this.staging.id(),
				new WindowRules(ZoneOffset.UTC, List.of(new Block("No Wednesday deploys", Set.of(DayOfWeek.WEDNESDAY),
						LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), List.of(), List.of()),
				this.admin.userId(), "Ada", FRIDAY);

		ChangeReport.Report report = this.report.report(this.auditor, all);
		ChangeReport.Entry entry = entryOf(report, this.onStaging);
		assertThat(entry.window()).isEqualTo(ChangeReport.WindowAtStart.OUTSIDE);
		assertThat(entry.flags()).containsExactly(ChangeReport.Flag.OUTSIDE_WINDOW);
		assertThat(report.entries()).hasSize(4);
	}

	@Test
	void theReportNeedsTheAuditPermissionAndStreamsOldestFirst() {
		assertThatThrownBy(() -> this.report.report(this.lead, PRODUCTION)).isInstanceOf(ForbiddenException.class);

		List<DeploymentId> streamed = new java.util.ArrayList<>();
		this.report.each(this.auditor, PRODUCTION, (e) -> streamed.add(e.deployment().id()));
		assertThat(streamed).containsExactly(this.approved.id(), this.selfApproved.id(), this.emergency.id());
	}

	private static ChangeReport.Period period(@Nullable Tier tier) {
		return new ChangeReport.Period(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-04"), ZoneOffset.UTC,
				tier);
	}

	private static ChangeReport.Entry entryOf(ChangeReport.Report report, Deployment deployment) {
		return report.entries()
			.stream()
			.filter((e) -> e.deployment().id().equals(deployment.id()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Not in the report: " + deployment.id()));
	}

	private Deployment requestBy(Caller caller, String environment, String version, boolean emergency) {
		return this.request.request(caller, "shop", environment, new RequestDeployment.Input(version, null, null, null,
				null, emergency, emergency ? "Checkout is down" : null));
	}

	private Deployment approvedBy(Caller caller, Deployment deployment) {
		return this.decide
			.decide(caller, "shop", "production", deployment.id(), new DecideOnDeployment.Input("approve", null))
			.deployment();
	}

	private Deployment run(Deployment deployment) {
		assertThat(this.dispatch.start(new DueDeployments.Due(this.org, deployment.id())))
			.isEqualTo(DispatchDeployments.Outcome.STARTED);
		return this.fakes.deployments.get(this.org, deployment.id());
	}

	private Deployment finish(Deployment running, DeploymentStatus end) {
		this.fakes.deployments.update(this.org,
				running.withFinished(end, this.fakes.clock.instant().plusSeconds(120), "done", null));
		return this.fakes.deployments.get(this.org, running.id());
	}

	private void saveConfig(@Nullable Integer base, List<VariableInput> variables) {
		this.saveConfig.save(this.dev,
				new SaveConfigRevision.Command("shop", "production", base, SPEC, variables, null));
	}

	private static VariableInput plain(String name, String value) {
		return new VariableInput(name, value, false, Visibility.BOTH);
	}

}
