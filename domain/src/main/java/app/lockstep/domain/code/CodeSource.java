package app.lockstep.domain.code;

import java.util.Locale;

/** How a code change arrived: a GitHub or GitLab push webhook, or the API. */
public enum CodeSource {

	GITHUB, GITLAB, API;

	/**
	 * As the audit log and the API write it: {@code github}, {@code gitlab}, {@code api}.
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
