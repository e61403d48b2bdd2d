package app.lockstep.web.config;

import java.util.List;
import java.util.UUID;

import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.Membership;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.shared.Transactions;

/**
 * A fresh project with staging and production in the demo organization acme, for config
 * tests.
 */
public final class ConfigFixtures {

	public static final String SPEC = """
			applications:
			  app:
			    type: php:8.3
			    relationships:
			      database: "db:mysql"
			services:
			  db:
			    type: mariadb:10.11
			""";

	private ConfigFixtures() {
	}

	public static String project(CreateProject createProject, CreateEnvironment createEnvironment, Caller owner) {
		String slug = "cfg-" + UUID.randomUUID().toString().substring(0, 8);
		createProject.create(owner, new ProjectInput(slug, "Config " + slug, null, null));
		for (List<String> environment : List.of(List.of("staging", "STAGING"), List.of("production", "PRODUCTION"))) {
			createEnvironment.create(owner, slug,
					new EnvironmentInput(environment.get(0), environment.get(1), null, null, null));
		}
		return slug;
	}

	public static Caller caller(Users users, ResolveMembership memberships, Transactions transactions, String email) {
		var user = transactions.global(() -> users.findByEmail(email)).orElseThrow();
		Membership membership = memberships.in(user.id(), "acme").orElseThrow();
		return new Caller(membership.organization(), user.id(), user.name(), membership.role(), "127.0.0.1");
	}

}
