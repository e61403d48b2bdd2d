package app.lockstep.web.audit;

import java.util.UUID;

import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.persistence.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Organizations of their own for audit tests (acme's trail is read by other tests), and
 * tampering with a trail behind the application's back.
 */
final class AuditFixtures {

	static final String PASSWORD = "audit-fixture-password";

	private AuditFixtures() {
	}

	/** A fresh organization with its owner; its trail starts with 2 events. */
	record Org(String slug, String email, Caller owner) {
	}

	static Org newOrganization(SignUp signUp, String prefix) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String email = prefix + "-" + id + "@example.test";
		SignUp.Result result = signUp.signUp(new SignUp.Command(email, "Audit Fixture", PASSWORD, prefix + " " + id,
				prefix + "-" + id, "UTC", "127.0.0.1"));
		Caller owner = new Caller(result.organization(), result.user(), "Audit Fixture", Role.OWNER, "127.0.0.1");
		return new Org(prefix + "-" + id, email, owner);
	}

	/** Creates projects p1..pN: one event each. */
	static void projects(CreateProject createProject, Org org, int count) {
		for (int i = 1; i <= count; i++) {
			createProject.create(org.owner(), new ProjectInput("p" + i, "Project " + i, null, null));
		}
	}

	/**
	 * Runs SQL as a superuser with the append-only trigger switched off, in one
	 * transaction: other sessions never see the trigger disabled.
	 */
	static void tamper(Org org, String... statements) {
		DSLContext superuser = DSL.using(TestDatabase.get().superuserDataSource(), SQLDialect.POSTGRES);
		superuser.transaction((configuration) -> {
			DSLContext dsl = configuration.dsl();
			dsl.execute("alter table lockstep.audit_events disable trigger audit_events_append_only");
			for (String statement : statements) {
				dsl.execute(statement.replace(":org", "'" + org.owner().orgId().value() + "'"));
			}
			dsl.execute("alter table lockstep.audit_events enable trigger audit_events_append_only");
		});
	}

}
