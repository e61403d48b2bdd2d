package app.lockstep.domain.config;

import java.util.Map;

/**
 * An application of an infrastructure spec: its runtime and version, its relationships (a
 * name mapped to "service:endpoint") and its mounts (a path mapped to a mount), both in
 * the order written.
 */
public record Application(String name, String runtime, String version, Map<String, String> relationships,
		Map<String, Mount> mounts) {

	public Application {
		relationships = Spec.ordered(relationships);
		mounts = Spec.ordered(mounts);
	}

	/** The type as written in a spec, such as "php:8.3". */
	public String type() {
		return this.runtime + ":" + this.version;
	}

}
