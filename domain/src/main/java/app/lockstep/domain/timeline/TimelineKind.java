package app.lockstep.domain.timeline;

import java.util.Locale;
import java.util.Optional;

/** What a timeline entry is about: the filters of the timeline. */
public enum TimelineKind {

	/** Commits pushed to the environment's branch. */
	CODE("Code"),
	/** Config revisions of the environment. */
	CONFIG("Config"),
	/** Deployment requests and their status changes. */
	DEPLOYMENT("Deployments"),
	/** Approvals, rejections and reviews of deployments. */
	APPROVAL("Approvals"),
	/** Deployment windows, freezes, approval policy and deploy target. */
	POLICY("Policies"),
	/** The environment itself, and anything else recorded about it. */
	ENVIRONMENT("Environment");

	private final String label;

	TimelineKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The name used in addresses ({@code ?kind=code}). */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<TimelineKind> parse(String value) {
		for (TimelineKind kind : values()) {
			if (kind.value().equalsIgnoreCase(value.strip())) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
