package app.lockstep.web.demo;

import java.util.List;

import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.EnvironmentInput;
import app.lockstep.domain.project.ProjectInput;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.AcceptInvitation;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.InviteMember;
import app.lockstep.domain.access.Role;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organizations when {@code lockstep.demo=true} and they are absent.
 * Everything goes through the normal use cases, so the demo's audit trail is the real
 * one.
 */
@Component
@ConditionalOnBooleanProperty("lockstep.demo")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "lockstep-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final SignUp signUp;

	private final InviteMember inviteMember;

	private final AcceptInvitation acceptInvitation;

	private final CreateProject createProject;

	private final CreateEnvironment createEnvironment;

	private final Users users;

	private final Transactions transactions;

	private final SaveConfigRevision saveConfigRevision;

	private final DemoDeployments deployments;

	DemoData(SignUp signUp, InviteMember inviteMember, AcceptInvitation acceptInvitation, CreateProject createProject,
			CreateEnvironment createEnvironment, Users users, Transactions transactions,
			SaveConfigRevision saveConfigRevision, DemoDeployments deployments) {
		this.deployments = deployments;
		this.saveConfigRevision = saveConfigRevision;
		this.signUp = signUp;
		this.inviteMember = inviteMember;
		this.acceptInvitation = acceptInvitation;
		this.createProject = createProject;
		this.createEnvironment = createEnvironment;
		this.users = users;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.transactions.global(() -> this.users.findByEmail("owner@acme.test")).isPresent()) {
			return;
		}
		log.info("Seeding demo data: organizations acme and globex (every password is '{}')", PASSWORD);
		Caller acme = organization("owner@acme.test", "Olivia Owner", "Acme Corp", "acme", "Europe/Paris");
		Caller lead = member(acme, "lead@acme.test", "Leo Lead", Role.LEAD);
		Caller developer = member(acme, "dev@acme.test", "Dana Developer", Role.DEVELOPER);
		member(acme, "viewer@acme.test", "Victor Viewer", Role.VIEWER);
		member(acme, "auditor@acme.test", "Ada Auditor", Role.AUDITOR);
		project(acme, "shop", "Shop", "https://git.example.com/acme/shop.git",
				"The online shop: a Drupal-like PHP stack (php 8.3, MariaDB 10.11, Redis 7.2).");
		project(acme, "api", "API", "https://git.example.com/acme/api.git",
				"The public API: a Django-like Python stack (python 3.12, PostgreSQL 16, Redis 7.2).");
		DemoConfigs.seed(this.saveConfigRevision, acme);
		this.deployments.seed(acme, lead, developer);
		Caller globex = organization("owner@globex.test", "Gina Globex", "Globex", "globex", "America/New_York");
		project(globex, "portal", "Portal", "https://git.example.com/globex/portal.git", "Globex's customer portal.");
	}

	private Caller organization(String email, String name, String orgName, String slug, String zone) {
		SignUp.Result result = this.signUp
			.signUp(new SignUp.Command(email, name, PASSWORD, orgName, slug, zone, "127.0.0.1"));
		return new Caller(result.organization(), result.user(), name, Role.OWNER, "127.0.0.1");
	}

	private Caller member(Caller owner, String email, String name, Role role) {
		InviteMember.Issued issued = this.inviteMember.invite(owner, email, role);
		this.acceptInvitation.signUpAndAccept(issued.token(), name, PASSWORD, "127.0.0.1");
		User user = this.transactions.global(() -> this.users.findByEmail(email)).orElseThrow();
		return new Caller(owner.organization(), user.id(), name, role, "127.0.0.1");
	}

	private void project(Caller caller, String slug, String name, String repository, String description) {
		this.createProject.create(caller, new ProjectInput(slug, name, repository, description));
		for (List<String> environment : List.of(List.of("development", "DEVELOPMENT", "develop"),
				List.of("staging", "STAGING", "main"), List.of("production", "PRODUCTION", "release/*"))) {
			this.createEnvironment.create(caller, slug,
					new EnvironmentInput(environment.get(0), environment.get(1), null, environment.get(2), null));
		}
	}

}
