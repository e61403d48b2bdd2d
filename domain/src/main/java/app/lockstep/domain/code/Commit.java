package app.lockstep.domain.code;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import app.lockstep.domain.shared.Instants;
import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * A validated commit, ready to be stored: a full sha in lowercase, a branch name without
 * {@code refs/heads/}, and the commit time as an instant.
 */
public record Commit(String sha, String branch, @Nullable String author, @Nullable String message, Instant committedAt,
		@Nullable String url) {

	/** How many commits one request may carry (GitHub sends at most 2048 per push). */
	public static final int MAX_COMMITS = 2048;

	public static final int MAX_BRANCH = 255;

	public static final int MAX_AUTHOR = 200;

	public static final int MAX_MESSAGE = 10_000;

	public static final int MAX_URL = 2_000;

	static final Pattern SHA = Pattern.compile("^[0-9a-f]{40}([0-9a-f]{24})?$");

	private static final String HEADS = "refs/heads/";

	/** Whether this is a full git object name: 40 (SHA-1) or 64 (SHA-256) hex digits. */
	public static boolean isSha(@Nullable String value) {
		return value != null && SHA.matcher(value.toLowerCase(Locale.ROOT)).matches();
	}

	/**
	 * The branch a ref names ({@code refs/heads/main} → {@code main}), or null for a tag
	 * or other ref.
	 */
	public static @Nullable String branchOf(String ref) {
		return ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : null;
	}

	/**
	 * Validates every commit, reporting each problem with its index
	 * ({@code commits[2].sha}); a sha given twice keeps its first occurrence.
	 */
	public static List<Commit> validate(@Nullable List<CommitInput> inputs) {
		Validation validation = new Validation();
		if (inputs == null || inputs.isEmpty()) {
			validation.add("commits", "Send at least one commit.");
			validation.throwIfInvalid();
			return List.of();
		}
		if (inputs.size() > MAX_COMMITS) {
			validation.add("commits", "Send at most " + MAX_COMMITS + " commits at once, not " + inputs.size() + ".");
			validation.throwIfInvalid();
		}
		List<Commit> commits = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			CommitInput input = inputs.get(i);
			String field = "commits[" + i + "].";
			if (input == null) {
				validation.add("commits[" + i + "]", "Send a commit object here.");
				continue;
			}
			String sha = (input.sha() != null) ? input.sha().strip().toLowerCase(Locale.ROOT) : null;
			if (sha == null || sha.isEmpty()) {
				validation.add(field + "sha", "Enter the commit's sha.");
			}
			else if (!SHA.matcher(sha).matches()) {
				validation.add(field + "sha", "\"" + input.sha()
						+ "\" is not a full commit sha: use all 40 (or, for SHA-256 repositories, 64) hex digits.");
			}
			String branch = (input.branch() != null) ? input.branch().strip() : null;
			if (branch != null && branch.startsWith(HEADS)) {
				branch = branch.substring(HEADS.length());
			}
			if (branch == null || branch.isEmpty()) {
				validation.add(field + "branch", "Enter the branch the commit was pushed to, such as main.");
			}
			else if (branch.length() > MAX_BRANCH || branch.chars().anyMatch(Character::isWhitespace)) {
				validation.add(field + "branch",
						"Use a branch name without spaces, of " + MAX_BRANCH + " characters or fewer.");
			}
			Instant committedAt = null;
			if (input.timestamp() == null || input.timestamp().isBlank()) {
				validation.add(field + "timestamp",
						"Enter the commit time as ISO-8601 with an offset, such as 2026-03-02T10:15:00+01:00.");
			}
			else {
				try {
					committedAt = OffsetDateTime.parse(input.timestamp().strip()).toInstant();
					if (!Instants.inRange(committedAt)) {
						validation.add(field + "timestamp", Instants.OUT_OF_RANGE);
						committedAt = null;
					}
				}
				catch (DateTimeException ex) {
					validation.add(field + "timestamp", "\"" + input.timestamp()
							+ "\" is not an ISO-8601 time with an offset, such as 2026-03-02T10:15:00+01:00.");
				}
			}
			validation.optional(field + "author", input.author(), MAX_AUTHOR);
			validation.optional(field + "message", input.message(), MAX_MESSAGE);
			validation.optional(field + "url", input.url(), MAX_URL);
			if (input.url() != null && !input.url().isBlank() && !input.url().strip().startsWith("https://")
					&& !input.url().strip().startsWith("http://")) {
				validation.add(field + "url", "Use an http(s) link to the commit, or leave it out.");
			}
			if (!validation.hasErrors() && sha != null && branch != null && committedAt != null && seen.add(sha)) {
				commits.add(new Commit(sha, branch, blankToNull(input.author()), blankToNull(input.message()),
						committedAt, blankToNull(input.url())));
			}
		}
		validation.throwIfInvalid();
		return List.copyOf(commits);
	}

	/**
	 * Cuts a value a forge sent to the length Lockstep keeps, so real git data never
	 * fails validation.
	 */
	public static @Nullable String clip(@Nullable String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max - 1) + "…";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
