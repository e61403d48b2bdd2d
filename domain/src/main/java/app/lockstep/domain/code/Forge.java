package app.lockstep.domain.code;

/**
 * A forge that delivers push webhooks, and how it proves a delivery comes from it.
 */
public enum Forge {

	/**
	 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the
	 * secret>}; {@code X-GitHub-Event: push} (or {@code ping} when the hook is set up).
	 */
	GITHUB("github", "push", CodeSource.GITHUB),

	/**
	 * {@code X-Gitlab-Token: <the secret>}; {@code X-Gitlab-Event: Push Hook}, or
	 * {@code Tag Push Hook} for tags.
	 */
	GITLAB("gitlab", "Push Hook", CodeSource.GITLAB);

	private final String value;

	private final String pushEvent;

	private final CodeSource source;

	Forge(String value, String pushEvent, CodeSource source) {
		this.value = value;
		this.pushEvent = pushEvent;
		this.source = source;
	}

	/** As URLs and the audit log write it: {@code github}, {@code gitlab}. */
	public String value() {
		return this.value;
	}

	/** The event header's value for a push. */
	public String pushEvent() {
		return this.pushEvent;
	}

	/**
	 * Whether the event header names a push of a branch or a tag (GitHub's {@code delete}
	 * event is the push that deletes one).
	 */
	public boolean isPush(String event) {
		return this.pushEvent.equals(event) || (this == GITLAB && "Tag Push Hook".equals(event))
				|| (this == GITHUB && "delete".equals(event));
	}

	public CodeSource source() {
		return this.source;
	}

}
