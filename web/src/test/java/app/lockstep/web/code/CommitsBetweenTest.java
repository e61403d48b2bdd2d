package app.lockstep.web.code;

import java.util.List;

import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.CommitInput;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What deployments read: the commits between two shas (same branch as the newer one,
 * after the older one's commit time, up to and including the newer one, newest first) and
 * an artifact by version.
 */
@LockstepTest
class CommitsBetweenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	IngestCodeChanges ingest;

	@Autowired
	RegisterArtifact registerArtifact;

	@Autowired
	CodeChanges codeChanges;

	@Autowired
	Artifacts artifacts;

	@Autowired
	Projects projects;

	@Autowired
	Users users;

	@Autowired
	ResolveMembership memberships;

	@Autowired
	Transactions transactions;

	Caller owner;

	Project project;

	final String c1 = CodeTestSupport.sha();

	final String c2 = CodeTestSupport.sha();

	final String c3 = CodeTestSupport.sha();

	final String c4 = CodeTestSupport.sha();

	final String feature = CodeTestSupport.sha();

	@BeforeEach
	void mainWithFourCommitsAndAFeatureBranch() throws Exception {
		String slug = ProjectTestSupport.projectWithEnvironments(this.mvc, "between");
		this.owner = ProjectTestSupport.caller(this.users, this.memberships, this.transactions,
				ProjectTestSupport.OWNER, "acme");
		this.project = this.transactions
			.inTenant(this.owner.orgId(), () -> this.projects.findBySlug(this.owner.orgId(), slug))
			.orElseThrow();
		// Received out of order on purpose: commit time decides, not arrival.
		this.ingest.ingest(this.owner, slug,
				List.of(commit(this.c3, "main", "2026-03-02T12:00:00Z"),
						commit(this.feature, "feature/x", "2026-03-02T11:30:00Z"),
						commit(this.c1, "main", "2026-03-02T10:00:00Z")));
		this.ingest.ingest(this.owner, slug, List.of(commit(this.c2, "main", "2026-03-02T11:00:00+00:00"),
				commit(this.c4, "main", "2026-03-02T14:00:00+01:00")));
	}

	@Test
	void theCommitsAfterTheLiveOneUpToTheNewOneNewestFirst() {
		assertThat(between(this.c1, this.c3)).containsExactly(this.c3, this.c2);
		assertThat(between(this.c1, this.c4)).containsExactly(this.c4, this.c3, this.c2);
		assertThat(between(this.c2, this.c2)).isEmpty();
		assertThat(between(this.c1.toUpperCase(), this.c3.toUpperCase())).containsExactly(this.c3, this.c2);
	}

	@Test
	void aFirstDeploymentTakesEverythingUpToTheNewOne() {
		assertThat(between(null, this.c3)).containsExactly(this.c3, this.c2, this.c1);
		assertThat(between(CodeTestSupport.sha(), this.c2)).containsExactly(this.c2, this.c1);
	}

	@Test
	void aRollbackOrAnUnknownTargetIsEmpty() {
		assertThat(between(this.c4, this.c2)).isEmpty();
		assertThat(between(this.c1, CodeTestSupport.sha())).isEmpty();
	}

	@Test
	void theTargetsBranchDecides() {
		assertThat(between(this.c1, this.feature)).containsExactly(this.feature);
		assertThat(between(null, this.c4)).doesNotContain(this.feature);
	}

	@Test
	void anArtifactIsFoundByItsExactVersion() {
		this.registerArtifact.register(this.owner, this.project.slug(),
				new RegisterArtifact.Input("1.4.2", this.c3, "sha256:" + "ab".repeat(32)));
		assertThat(this.transactions.inTenant(this.owner.orgId(),
				() -> this.artifacts.artifact(this.owner.orgId(), this.project.id(), "1.4.2")))
			.hasValueSatisfying((artifact) -> {
				assertThat(artifact.commitSha()).isEqualTo(this.c3);
				assertThat(artifact.createdBy().name()).isEqualTo(this.owner.name());
			});
		assertThat(this.transactions.inTenant(this.owner.orgId(),
				() -> this.artifacts.artifact(this.owner.orgId(), this.project.id(), "1.4")))
			.isEmpty();
		var artifact = this.transactions
			.inTenant(this.owner.orgId(), () -> this.artifacts.artifact(this.owner.orgId(), this.project.id(), "1.4.2"))
			.orElseThrow();
		var unknown = new app.lockstep.domain.code.ArtifactId(java.util.UUID.randomUUID());
		assertThat(this.transactions.inTenant(this.owner.orgId(),
				() -> this.artifacts.byIds(this.owner.orgId(), List.of(artifact.id(), unknown))))
			.as("read at once: those that exist")
			.containsOnlyKeys(artifact.id());
	}

	/**
	 * The commits between, asked alone and asked among other ranges at once (what the
	 * change report does): both answers must be the same.
	 */
	private List<String> between(String from, String to) {
		List<String> alone = this.transactions
			.inTenant(this.owner.orgId(),
					() -> this.codeChanges.commitsBetween(this.owner.orgId(), this.project.id(), from, to))
			.stream()
			.map(CodeChange::sha)
			.toList();
		List<CodeChanges.Range> ranges = List.of(new CodeChanges.Range(this.project.id(), null, this.c4),
				new CodeChanges.Range(this.project.id(), from, to),
				new CodeChanges.Range(this.project.id(), this.c4, this.c1));
		List<List<CodeChange>> atOnce = this.transactions.inTenant(this.owner.orgId(),
				() -> this.codeChanges.commitsBetween(this.owner.orgId(), ranges));
		assertThat(atOnce).hasSize(3);
		assertThat(atOnce.get(1).stream().map(CodeChange::sha).toList()).as("asked among others").isEqualTo(alone);
		assertThat(atOnce.get(0).stream().map(CodeChange::sha).toList()).containsExactly(this.c4, this.c3, this.c2,
				this.c1);
		assertThat(atOnce.get(2)).isEmpty();
		return alone;
	}

	private static CommitInput commit(String sha, String branch, String timestamp) {
		return new CommitInput(sha, branch, "Dana Developer", "Change " + sha.substring(0, 7), timestamp, null);
	}

}
