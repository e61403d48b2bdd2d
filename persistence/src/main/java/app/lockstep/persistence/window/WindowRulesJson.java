package app.lockstep.persistence.window;

import java.time.ZoneId;
import java.util.Map;

import app.lockstep.domain.window.WindowRules;

/**
 * Window rules as the JSON they are stored in (an environment's, the organization's, a
 * template's): the API's shape without the time zone.
 */
public final class WindowRulesJson {

	private WindowRulesJson() {
	}

	public static Map<String, Object> of(WindowRules rules) {
		return JooqDeploymentWindows.toJson(rules);
	}

	public static WindowRules rules(ZoneId zone, Map<String, Object> json) {
		return JooqDeploymentWindows.fromJson(zone, json);
	}

}
