package app.lockstep.persistence.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ChainHead;
import app.lockstep.domain.audit.ChainVerification;
import app.lockstep.domain.audit.ChainVerifier;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.embedded.DatabaseBootstrap;
import app.lockstep.persistence.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static app.lockstep.persistence.jooq.Tables.AUDIT_EVENTS;
import static app.lockstep.persistence.jooq.Tables.AUDIT_HEADS;
import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database with events written before the chain existed (microsecond instants, no
 * hashes) comes out of the V4 migration with every organization's events chained, exactly
 * as the application would have chained them.
 */
class ChainMigrationTest {

	private static final OrgId ALPHA = OrgId.random();

	private static final OrgId BETA = OrgId.random();

	private static String database;

	private static String url;

	@BeforeAll
	static void aDatabaseAtVersion3WithEvents() throws SQLException {
		database = "lockstep_v4_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		try (Connection superuser = TestDatabase.get().superuserDataSource().getConnection()) {
			DatabaseBootstrap.ensureRolesAndDatabase(superuser, database, TestDatabase.OWNER, TestDatabase.APP);
			String current = String
				.valueOf(DSL.using(superuser, SQLDialect.POSTGRES).fetchValue("select current_database()"));
			url = TestDatabase.get().url().replace("/" + current, "/" + database);
		}
		migrate("3");
		DSLContext owner = owner();
		for (OrgId org : List.of(ALPHA, BETA)) {
			owner.transaction((configuration) -> {
				DSLContext dsl = configuration.dsl();
				AuditHarness.bind(dsl, org);
				dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, "legacy-" + org.value().toString().substring(0, 8))
					.set(ORGANIZATIONS.NAME, "Legacy")
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, Instant.EPOCH)
					.execute();
				int events = (org == ALPHA) ? 5 : 3;
				for (int seq = 1; seq <= events; seq++) {
					dsl.execute(
							"""
									insert into lockstep.audit_events (org_id, seq, occurred_at, actor_type, actor_id, actor_name,
									    action, target_type, target_id, project_slug, environment_name, details, ip)
									values ({0}, {1}, {2}, 'USER', 'u-1', 'Zoë "Z"', 'project.updated', 'project', 'p-1', 'shop',
									    {3}, {4}, '127.0.0.1')""",
							DSL.val(org.value()), DSL.val((long) seq),
							DSL.val(Instant.parse("2026-01-02T03:04:05.123456Z").plusSeconds(seq)),
							DSL.val((seq % 2 == 0) ? null : "production"),
							DSL.val(JSONB.valueOf(
									"{\"changes\": {\"name\": {\"before\": \"Shop\\n\", \"after\": \"\\uD83D\\uDE00 "
											+ seq + "\"}}, \"position\": " + seq + ", \"list\": [1, null, true]}")));
				}
				dsl.insertInto(AUDIT_HEADS)
					.set(AUDIT_HEADS.ORG_ID, org)
					.set(AUDIT_HEADS.LAST_SEQ, (long) events)
					.execute();
			});
		}
		migrate("4");
	}

	@AfterAll
	static void drop() throws SQLException {
		try (Connection superuser = TestDatabase.get().superuserDataSource().getConnection()) {
			DatabaseBootstrap.dropDatabase(superuser, database);
		}
	}

	@Test
	void everyOrganizationsOlderEventsFormAVerifiedChainEndingAtItsHead() {
		for (OrgId org : List.of(ALPHA, BETA)) {
			ChainVerification result = owner().transactionResult((configuration) -> {
				AuditHarness.bind(configuration.dsl(), org);
				JooqAuditLog log = new JooqAuditLog(configuration.dsl(), Clock.systemUTC());
				ChainHead head = log.head(org);
				ChainVerifier verifier = new ChainVerifier();
				log.scan(org, AuditFilter.NONE, head.seq(), (event) -> verifier.accept(event.seq(), event.prevHash(),
						event.hash(), AuditChain.canonicalJson(org, event)));
				return verifier.finish(head);
			});
			assertThat(result).isInstanceOfSatisfying(ChainVerification.Verified.class,
					(verified) -> assertThat(verified.events()).isEqualTo((org == ALPHA) ? 5 : 3));
		}
	}

	@Test
	void olderInstantsAreTruncatedToMillisecondsAndTheTriggerIsBackInPlace() {
		List<AuditEvent> events = new ArrayList<>();
		owner().transaction((configuration) -> {
			AuditHarness.bind(configuration.dsl(), ALPHA);
			new JooqAuditLog(configuration.dsl(), Clock.systemUTC()).scan(ALPHA, AuditFilter.NONE, Long.MAX_VALUE,
					events::add);
		});
		assertThat(events.get(0).at()).isEqualTo(Instant.parse("2026-01-02T03:04:06.123Z"));
		assertThat(events.get(0).details()).containsEntry("position", 1);
		List<Map<String, Object>> triggers = owner()
			.fetch("select tgname, tgenabled from pg_trigger where tgrelid = 'lockstep.audit_events'::regclass "
					+ "and not tgisinternal order by tgname")
			.intoMaps();
		assertThat(triggers).extracting((row) -> row.get("tgenabled").toString()).containsOnly("O");
		assertThat(owner()
			.fetchValue("select relforcerowsecurity from pg_class where oid = 'lockstep.audit_events'::regclass"))
			.isEqualTo(true);
		assertThat(owner().fetchCount(AUDIT_EVENTS)).as("row-level security binds the owner again").isZero();
	}

	private static void migrate(String target) {
		Flyway.configure()
			.dataSource(url, TestDatabase.OWNER.user(), TestDatabase.OWNER.password())
			.schemas("lockstep")
			.placeholders(Map.of("app_role", TestDatabase.APP.user()))
			.target(target)
			.load()
			.migrate();
	}

	private static DSLContext owner() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(TestDatabase.OWNER.user());
		dataSource.setPassword(TestDatabase.OWNER.password());
		return DSL.using(dataSource, SQLDialect.POSTGRES);
	}

}
