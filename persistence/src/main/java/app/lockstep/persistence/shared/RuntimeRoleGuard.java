package app.lockstep.persistence.shared;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record3;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Refuses to let the application run as a role that could read across tenants: a
 * superuser, a role with BYPASSRLS, or the owner of Lockstep's tables (owners skip
 * row-level security unless it is forced, and could turn it off).
 */
public final class RuntimeRoleGuard {

	private RuntimeRoleGuard() {
	}

	/** The reasons this connection's role is unsafe; empty when it is fine. */
	public static List<String> problems(DSLContext dsl) {
		Record3<String, Boolean, Boolean> role = dsl
			.select(field(name("rolname"), String.class), field(name("rolsuper"), Boolean.class),
					field(name("rolbypassrls"), Boolean.class))
			.from(table(name("pg_catalog", "pg_roles")))
			.where(field(name("rolname")).eq(field("current_user", String.class)))
			.fetchSingle();
		int owned = dsl.fetchCount(table(name("pg_catalog", "pg_tables")),
				field(name("schemaname")).eq("lockstep").and(field(name("tableowner")).eq(role.value1())));
		List<String> problems = new ArrayList<>();
		if (Boolean.TRUE.equals(role.value2())) {
			problems.add("it is a superuser");
		}
		if (Boolean.TRUE.equals(role.value3())) {
			problems.add("it has BYPASSRLS");
		}
		if (owned > 0) {
			problems.add("it owns " + owned + " of Lockstep's tables");
		}
		return problems;
	}

	public static void check(DSLContext dsl) {
		List<String> problems = problems(dsl);
		if (!problems.isEmpty()) {
			String user = String.valueOf(dsl.fetchValue("select current_user"));
			throw new IllegalStateException("Lockstep refuses to start: the database role \"" + user
					+ "\" in spring.datasource.username could bypass row-level security (" + String.join(", ", problems)
					+ "). Connect as a role that is no superuser, has NOBYPASSRLS and owns no table, and migrate as the owner with spring.flyway.user.");
		}
	}

}
