package app.lockstep.domain.code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CommitTest {

	private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

	@Test
	void aValidCommitIsNormalised() {
		List<Commit> commits = Commit.validate(List.of(new CommitInput(SHA.toUpperCase(), "refs/heads/main", " Dana ",
				"Fix the checkout\n\nDetails", "2026-03-02T10:15:00+01:00", "https://git.example.com/c/" + SHA)));
		assertThat(commits).containsExactly(new Commit(SHA, "main", "Dana", "Fix the checkout\n\nDetails",
				Instant.parse("2026-03-02T09:15:00Z"), "https://git.example.com/c/" + SHA));
	}

	@Test
	void aShaGivenTwiceIsKeptOnce() {
		CommitInput commit = new CommitInput(SHA, "main", null, null, "2026-03-02T10:15:00Z", null);
		assertThat(Commit.validate(List.of(commit, commit))).hasSize(1);
	}

	@Test
	void everyProblemIsReportedWithItsCommitsIndex() {
		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> Commit.validate(List.of(new CommitInput(SHA, "main", null, null, "2026-03-02T10:15:00Z", null),
						new CommitInput("abc1234", "", null, null, "yesterday", "ftp://x"))));
		assertThat(refused.errors()).extracting(FieldError::field)
			.containsExactly("commits[1].sha", "commits[1].branch", "commits[1].timestamp", "commits[1].url");
	}

	@Test
	void nothingOrTooMuchIsRefused() {
		assertThat(catchThrowableOfType(ValidationException.class, () -> Commit.validate(List.of())).errors())
			.extracting(FieldError::field)
			.containsExactly("commits");
		List<CommitInput> many = new ArrayList<>(Collections.nCopies(Commit.MAX_COMMITS + 1,
				new CommitInput(SHA, "main", null, null, "2026-03-02T10:15:00Z", null)));
		assertThat(catchThrowableOfType(ValidationException.class, () -> Commit.validate(many)).getMessage())
			.contains("at most " + Commit.MAX_COMMITS);
	}

	@Test
	void sha256RepositoriesAreWelcome() {
		String sha256 = SHA + "0123456789abcdef01234567";
		assertThat(Commit.isSha(sha256)).isTrue();
		assertThat(Commit.isSha(SHA.substring(0, 39))).isFalse();
	}

	@Test
	void onlyBranchRefsNameABranch() {
		assertThat(Commit.branchOf("refs/heads/release/1.x")).isEqualTo("release/1.x");
		assertThat(Commit.branchOf("refs/tags/v1.0")).isNull();
	}

}
