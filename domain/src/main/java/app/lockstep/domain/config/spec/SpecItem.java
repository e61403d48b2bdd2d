package app.lockstep.domain.config.spec;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One part of a spec that is compared, shown and brought across on its own: an
 * application's type, a service, a route, a relationship, a mount, a web location or
 * setting, a hook, a cron, a worker, or any other application setting. The key names it
 * within its area; the path leads to it in the spec.
 */
public record SpecItem(String area, String key, List<String> path, @Nullable Object value) {

	public static final String RUNTIME = "runtime";

	public static final String SERVICE = "service";

	public static final String ROUTE = "route";

	public static final String RELATIONSHIP = "relationship";

	public static final String MOUNT = "mount";

	public static final String WEB = "web";

	public static final String HOOK = "hook";

	public static final String CRON = "cron";

	public static final String WORKER = "worker";

	public static final String SETTING = "setting";

	/** The areas in the order they are listed. */
	public static final List<String> AREAS = List.of(RUNTIME, SERVICE, ROUTE, RELATIONSHIP, MOUNT, WEB, HOOK, CRON,
			WORKER, SETTING);

	public SpecItem {
		path = List.copyOf(path);
	}

	/**
	 * The application (or, for a service or route, the service or route) it belongs to.
	 */
	public String owner() {
		return this.path.get(1);
	}

	/** The value for people: "php 8.4" for a type, one line of YAML otherwise. */
	public String shown() {
		return SpecItems.shown(this);
	}

}
