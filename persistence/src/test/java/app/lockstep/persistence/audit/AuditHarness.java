package app.lockstep.persistence.audit;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.persistence.shared.TenantTransactions;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;

/**
 * The audit adapter wired as the application wires it (Spring-managed transactions, a
 * jOOQ context on the transaction's connection, tenant-bound units of work), running as
 * the runtime role against the shared test database.
 */
final class AuditHarness {

	final DataSource dataSource = TestDatabase.get().appDataSource();

	final DSLContext dsl = DSL.using(new TransactionAwareDataSourceProxy(this.dataSource), SQLDialect.POSTGRES);

	final TenantTransactions transactions = new TenantTransactions(new DataSourceTransactionManager(this.dataSource),
			this.dsl);

	final JooqAuditLog auditLog;

	AuditHarness(Clock clock) {
		this.auditLog = new JooqAuditLog(this.dsl, clock);
	}

	AuditHarness() {
		this(Clock.systemUTC());
	}

	/** A fresh organization of its own, so tests never share a chain. */
	OrgId newOrganization(String prefix) {
		OrgId org = OrgId.random();
		this.transactions.inTenant(org,
				() -> this.dsl.insertInto(ORGANIZATIONS)
					.set(ORGANIZATIONS.ID, org)
					.set(ORGANIZATIONS.SLUG, prefix + "-" + org.value().toString().substring(0, 8))
					.set(ORGANIZATIONS.NAME, prefix + " " + org)
					.set(ORGANIZATIONS.TIME_ZONE, "UTC")
					.set(ORGANIZATIONS.CREATED_AT, Instant.EPOCH)
					.execute());
		return org;
	}

	void append(OrgId org, String action) {
		this.transactions.inTenant(org, () -> {
			this.auditLog.append(org, Actor.system("test"), AuditEntry.of(action, "test", null).build());
			return null;
		});
	}

	static DSLContext owner() {
		return DSL.using(TestDatabase.get().ownerDataSource(), SQLDialect.POSTGRES);
	}

	static DSLContext superuser() {
		return DSL.using(TestDatabase.get().superuserDataSource(), SQLDialect.POSTGRES);
	}

	/**
	 * Binds the current transaction of {@code dsl} to {@code org} (RLS is forced on the
	 * owner too).
	 */
	static void bind(DSLContext dsl, OrgId org) {
		dsl.select(DSL.function("set_config", String.class, DSL.val("lockstep.org_id"), DSL.val(org.toString()),
				DSL.inline(true)))
			.fetch();
	}

}
