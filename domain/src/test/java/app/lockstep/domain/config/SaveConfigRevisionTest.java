package app.lockstep.domain.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.testing.DirectTransactions;
import app.lockstep.domain.testing.InMemoryConfigRevisions;
import app.lockstep.domain.testing.InMemoryEnvironments;
import app.lockstep.domain.testing.InMemoryProjects;
import app.lockstep.domain.testing.MutableClock;
import app.lockstep.domain.testing.RecordingAuditLog;
import app.lockstep.domain.testing.TestSecrets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link SaveConfigRevision} on in-memory fakes: no database, no Spring. The database
 * tests in the web module cover the same use case end to end (locks, the unique index,
 * the audit chain at commit).
 */
class SaveConfigRevisionTest {

	private static final String SPEC = "applications:\n  app:\n    type: \"php:8.5\"\n";

	private static final String OTHER_SPEC = "applications:\n  app:\n    type: \"nodejs:24\"\n";

	private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");

	private final InMemoryEnvironments environments = new InMemoryEnvironments();

	private final InMemoryProjects projects = new InMemoryProjects(this.environments);

	private final InMemoryConfigRevisions revisions = new InMemoryConfigRevisions();

	private final RecordingAuditLog auditLog = new RecordingAuditLog(this.clock);

	private final SecretSealing sealing = TestSecrets.sealing();

	private final SaveConfigRevision save = new SaveConfigRevision(this.projects, this.environments, this.revisions,
			this.sealing, this.auditLog, new DirectTransactions(), this.clock);

	private final Organization organization = new Organization(OrgId.random(), "acme", "Acme", ZoneId.of("UTC"));

	private final OrgId org = this.organization.id();

	private final Caller alice = new Caller(this.organization, UserId.random(), "Alice", Role.DEVELOPER, "10.0.0.1");

	private final Caller bob = new Caller(this.organization, UserId.random(), "Bob", Role.LEAD, null);

	private ConfigScope production;

	@BeforeEach
	void shop() {
		Project shop = new Project(ProjectId.random(), "shop", "Shop", null, null, this.clock.instant());
		this.projects.create(this.org, shop);
		Environment environment = new Environment(EnvironmentId.random(), shop.id(), "production", Tier.PRODUCTION, 2,
				"main", ZoneId.of("Europe/Paris"));
		this.environments.create(this.org, environment, this.clock.instant());
		this.production = new ConfigScope(shop.id(), environment.id());
	}

	@Test
	void eachSaveAddsTheNextRevisionOnTopOfItsBase() {
		ConfigRevision first = save(this.alice, null, SPEC, List.of(plain("LOG_LEVEL", "info")), "first");
		this.clock.advance(Duration.ofMinutes(5));
		ConfigRevision second = save(this.bob, 1, SPEC, List.of(plain("LOG_LEVEL", "debug")), null);

		assertThat(first.number()).isEqualTo(1);
		assertThat(second.number()).isEqualTo(2);
		assertThat(second.author()).isEqualTo(this.bob.actor());
		assertThat(second.at()).isEqualTo(Instant.parse("2026-12-01T09:05:00Z"));
		assertThat(second.summary()).isEqualTo("+0 ~1 -0 variables");
		assertThat(this.revisions.all(this.org, this.production)).extracting(ConfigRevision::number)
			.containsExactly(1, 2);
		assertThat(this.revisions.locks()).as("every save locks the config before reading its latest").isEqualTo(2);
	}

	@Test
	void aStaleBaseIsRefusedWithWhatChangedMeanwhileAndNothingIsWritten() {
		save(this.alice, null, SPEC, List.of(plain("LOG_LEVEL", "info")), null);
		save(this.bob, 1, OTHER_SPEC, List.of(plain("LOG_LEVEL", "debug")), "Bob's change");

		StaleConfigException stale = catchThrowableOfType(StaleConfigException.class,
				() -> save(this.alice, 1, SPEC, List.of(plain("LOG_LEVEL", "warn")), "Alice's change"));

		assertThat(stale.latest().number()).isEqualTo(2);
		assertThat(stale.getMessage()).contains("Revision 2 was saved by Bob");
		assertThat(stale.specChanges()).isNotEmpty();
		assertThat(stale.variableChanges()).extracting(VariableChange::name).containsExactly("LOG_LEVEL");
		assertThat(this.revisions.latestNumber(this.org, this.production)).isEqualTo(2);
		assertThat(this.auditLog.entries(this.org)).hasSize(2);
	}

	@Test
	void aBaseThatDoesNotExistIsRefused() {
		assertThatThrownBy(() -> save(this.alice, 3, SPEC, List.of(), null)).isInstanceOf(ValidationException.class)
			.hasMessageContaining("Revision 3 does not exist");
		assertThat(this.revisions.latestNumber(this.org, this.production)).isZero();
	}

	@Test
	void invalidInputIsRefusedWithEveryErrorAndNothingIsWritten() {
		InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
				() -> save(this.alice, null, "applications:\n  app:\n    tpye: \"php:8.5\"\n",
						List.of(plain("1BAD", "x"), plain("OK", "y"), plain("OK", "z")), "x".repeat(501)));

		assertThat(invalid.lineErrors()).isNotEmpty();
		assertThat(invalid.errors()).extracting(FieldError::field)
			.contains("infrastructure", "message", "variables[0].name", "variables[2].name");
		assertThat(this.revisions.all(this.org, this.production)).isEmpty();
		assertThat(this.auditLog.entries(this.org)).isEmpty();
	}

	@Test
	void saveNothingChangedIsRefused() {
		save(this.alice, null, SPEC, List.of(plain("A", "1")), null);

		assertThatThrownBy(() -> save(this.alice, 1, SPEC, List.of(plain("A", "1")), null))
			.isInstanceOf(ValidationException.class)
			.hasMessageContaining("Nothing changed since revision 1");
		assertThat(this.revisions.latestNumber(this.org, this.production)).isEqualTo(1);
	}

	@Test
	void theProjectsSharedConfigHoldsVariablesOnly() {
		assertThatThrownBy(() -> this.save.save(this.alice,
				new SaveConfigRevision.Command("shop", null, null, SPEC, List.of(plain("A", "1")), null)))
			.isInstanceOf(InvalidConfigException.class)
			.hasMessageContaining("shared config holds variables only");

		ConfigRevision shared = this.save.save(this.alice,
				new SaveConfigRevision.Command("shop", null, null, "", List.of(plain("A", "1")), null));
		assertThat(shared.scope().isProject()).isTrue();
		assertThat(this.revisions.latestNumber(this.org, this.production)).isZero();
	}

	@Test
	void theAuditEntryNamesTheRevisionItsPlaceAndWhatChanged() {
		ConfigRevision revision = save(this.alice, null, SPEC, List.of(plain("A", "1"), plain("B", "2")), " why ");

		AuditEntry entry = this.auditLog.last(this.org);
		assertThat(entry.action()).isEqualTo("config.revision_created");
		assertThat(entry.targetType()).isEqualTo("config_revision");
		assertThat(entry.targetId()).isEqualTo(revision.id().toString());
		assertThat(entry.projectSlug()).isEqualTo("shop");
		assertThat(entry.environmentName()).isEqualTo("production");
		assertThat(entry.details()).containsEntry("revision", 1)
			.containsEntry("message", "why")
			.containsEntry("variablesChanged", List.of("A", "B"));
		assertThat(this.auditLog.recorded(this.org).get(0).actor()).isEqualTo(this.alice.actor());
	}

	@Test
	void sensitiveValuesAreSealedAndNeverWrittenInTheClear() {
		ConfigRevision revision = save(this.alice, null, SPEC,
				List.of(new VariableInput("DB_PASSWORD", "hunter2", true, Visibility.RUNTIME)), null);

		StoredVariable stored = revision.variables().get(0);
		assertThat(stored.value()).isNull();
		assertThat(stored.sealed()).isNotNull();
		assertThat(stored.sealed().keyId()).isEqualTo(TestSecrets.KEY_ID);
		assertThat(new String(stored.sealed().sealed(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("hunter2");
		assertThat(this.sealing.reveal(this.org, stored)).isEqualTo("hunter2");
		assertThat(this.auditLog.last(this.org).details().toString()).doesNotContain("hunter2");
	}

	@Test
	void aSensitiveVariableSubmittedEmptyKeepsItsSealedValue() {
		ConfigRevision first = save(this.alice, null, SPEC,
				List.of(new VariableInput("DB_PASSWORD", "hunter2", true, Visibility.RUNTIME), plain("A", "1")), null);

		ConfigRevision second = save(this.alice, 1, SPEC,
				List.of(new VariableInput("DB_PASSWORD", "", true, Visibility.RUNTIME), plain("A", "2")), null);

		assertThat(second.variables().get(0).sealed()).isEqualTo(first.variables().get(0).sealed());
		assertThat(this.sealing.reveal(this.org, second.variables().get(0))).isEqualTo("hunter2");
		assertThat(this.auditLog.last(this.org).details()).containsEntry("variablesChanged", List.of("A"));
	}

	@Test
	void aNewSensitiveVariableNeedsAValue() {
		assertThatThrownBy(() -> save(this.alice, null, SPEC,
				List.of(new VariableInput("TOKEN", null, true, Visibility.BOTH)), null))
			.isInstanceOf(InvalidConfigException.class)
			.satisfies((ex) -> assertThat(((ValidationException) ex).errors()).extracting(FieldError::field)
				.containsExactly("variables[0].value"));
		assertThat(this.revisions.all(this.org, this.production)).isEmpty();
	}

	@Test
	void aViewerMayNotSaveAndUnknownPlacesAreNotFound() {
		Caller viewer = new Caller(this.organization, UserId.random(), "Vic", Role.VIEWER, null);
		assertThatThrownBy(() -> save(viewer, null, SPEC, List.of(), null)).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.save.save(this.alice,
				new SaveConfigRevision.Command("shop", "staging", null, SPEC, List.of(), null)))
			.isInstanceOf(NotFoundException.class);
		Caller stranger = new Caller(new Organization(OrgId.random(), "other", "Other", ZoneId.of("UTC")),
				UserId.random(), "Eve", Role.OWNER, null);
		assertThatThrownBy(() -> save(stranger, null, SPEC, List.of(), null)).as("another organization's project")
			.isInstanceOf(NotFoundException.class);
		assertThat(this.auditLog.entries(this.org)).isEmpty();
	}

	private ConfigRevision save(Caller caller, @Nullable Integer base, String spec, List<VariableInput> variables,
			@Nullable String message) {
		return this.save.save(caller,
				new SaveConfigRevision.Command("shop", "production", base, spec, variables, message));
	}

	private static VariableInput plain(String name, String value) {
		return new VariableInput(name, value, false, Visibility.BOTH);
	}

}
