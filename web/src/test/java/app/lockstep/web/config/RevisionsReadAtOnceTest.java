package app.lockstep.web.config;

import java.util.List;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.project.CreateEnvironment;
import app.lockstep.domain.project.CreateProject;
import app.lockstep.domain.project.ProjectWithEnvironments;
import app.lockstep.domain.project.ViewProjects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import app.lockstep.web.testing.RoundTrips;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions asked for by scope and number at once (what the change report reads for its
 * config changes) are the same as asked one by one; missing ones are left out. A revision
 * never changes, so this instance reads its variables once: a second read asks only which
 * revisions are wanted.
 */
@LockstepTest
class RevisionsReadAtOnceTest {

	@Autowired
	CreateProject createProject;

	@Autowired
	CreateEnvironment createEnvironment;

	@Autowired
	SaveConfigRevision save;

	@Autowired
	ViewProjects viewProjects;

	@Autowired
	ConfigRevisions revisions;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	@Test
	void manyRevisionsOfManyEnvironmentsInOneRead() {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER);
		String slug = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		for (String environment : List.of("staging", "production")) {
			for (int i = 1; i <= 3; i++) {
				this.save.save(owner,
						new SaveConfigRevision.Command(slug, environment, (i == 1) ? null : i - 1, ConfigFixtures.SPEC,
								List.of(new VariableInput("STEP", environment + "-" + i, false, Visibility.RUNTIME)),
								"Step " + i));
			}
		}
		ProjectWithEnvironments project = this.viewProjects.project(owner, slug);
		ConfigScope staging = new ConfigScope(project.project().id(), project.environments().get(0).id());
		ConfigScope production = new ConfigScope(project.project().id(), project.environments().get(1).id());
		List<ConfigRevisions.Numbered> wanted = List.of(new ConfigRevisions.Numbered(staging, 1),
				new ConfigRevisions.Numbered(staging, 3), new ConfigRevisions.Numbered(production, 2),
				new ConfigRevisions.Numbered(production, 9));
		List<ConfigRevision> atOnce = this.transactions.inTenant(owner.orgId(),
				() -> this.revisions.findAll(owner.orgId(), wanted));
		assertThat(atOnce)
			.extracting((r) -> r.scope().equals(staging) ? "staging " + r.number() : "production " + r.number())
			.containsExactlyInAnyOrder("staging 1", "staging 3", "production 2");
		for (ConfigRevision revision : atOnce) {
			ConfigRevision alone = this.transactions
				.inTenant(owner.orgId(), () -> this.revisions.find(owner.orgId(), revision.scope(), revision.number()))
				.orElseThrow();
			assertThat(revision).usingRecursiveComparison().isEqualTo(alone);
		}
	}

	@Test
	void aRevisionReadBeforeIsNotReadAgain() throws Exception {
		Caller owner = ConfigFixtures.caller(this.users, this.memberships, this.transactions, ProjectTestSupport.OWNER);
		String slug = ConfigFixtures.project(this.createProject, this.createEnvironment, owner);
		this.save.save(owner, new SaveConfigRevision.Command(slug, "staging", null, ConfigFixtures.SPEC,
				List.of(new VariableInput("STEP", "one", false, Visibility.RUNTIME)), "First"));
		ProjectWithEnvironments project = this.viewProjects.project(owner, slug);
		ConfigScope staging = new ConfigScope(project.project().id(), project.environments().get(0).id());
		ConfigRevision[] read = new ConfigRevision[2];
		int first = RoundTrips.during(() -> read[0] = this.transactions
			.inTenant(owner.orgId(), () -> this.revisions.latest(owner.orgId(), staging))
			.orElseThrow());
		int second = RoundTrips.during(() -> read[1] = this.transactions
			.inTenant(owner.orgId(), () -> this.revisions.latest(owner.orgId(), staging))
			.orElseThrow());
		assertThat(read[1]).usingRecursiveComparison().isEqualTo(read[0]);
		assertThat(read[1].variables()).extracting((v) -> v.name() + "=" + v.value()).containsExactly("STEP=one");
		// Its ids, then the revision row and its variables the first time; the ids alone
		// after.
		assertThat(second).isEqualTo(first - 2);
	}

}
