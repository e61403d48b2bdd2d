package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.List;

/** JSON Pointers (RFC 6901) as lists of keys, and back. */
final class JsonPointer {

	private JsonPointer() {
	}

	static List<String> parse(String pointer) {
		List<String> path = new ArrayList<>();
		if (pointer.isEmpty() || pointer.equals("/")) {
			return path;
		}
		for (String segment : pointer.substring(1).split("/", -1)) {
			path.add(segment.replace("~1", "/").replace("~0", "~"));
		}
		return path;
	}

	static String of(List<String> path) {
		StringBuilder pointer = new StringBuilder();
		for (String key : path) {
			pointer.append('/').append(key.replace("~", "~0").replace("/", "~1"));
		}
		return pointer.toString();
	}

}
