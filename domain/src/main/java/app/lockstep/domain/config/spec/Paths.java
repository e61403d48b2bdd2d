package app.lockstep.domain.config.spec;

import java.util.List;

/**
 * Names a place in a spec the way a person would: application "app", "web.locations./" of
 * application "app", service "db", route "https://{default}/".
 */
final class Paths {

	private Paths() {
	}

	static String what(List<String> path) {
		if (path.isEmpty()) {
			return "the spec";
		}
		if (path.size() == 1) {
			return "\"" + path.getFirst() + "\"";
		}
		String owner = switch (path.getFirst()) {
			case "applications" -> "application";
			case "services" -> "service";
			case "routes" -> "route";
			default -> null;
		};
		if (owner == null) {
			return "\"" + String.join(".", path) + "\"";
		}
		String named = owner + " \"" + path.get(1) + "\"";
		if (path.size() == 2) {
			return named;
		}
		return "\"" + String.join(".", path.subList(2, path.size())) + "\" of " + named;
	}

	static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
