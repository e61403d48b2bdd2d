package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.lockstep.domain.config.spec.ImageRegistry.Image;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The rules a schema cannot say: names, versions against the image registry, and
 * references between parts of the spec (relationships, mounts on a service, routes to an
 * application). Shapes are the schema's business: a value of the wrong shape is skipped
 * here, having been reported there.
 */
final class SpecRules {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9-]*):([0-9A-Za-z][0-9A-Za-z.\\-]*)");

	private static final Pattern STACK_RUNTIME = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)@([0-9A-Za-z.\\-]+)");

	private static final Pattern RELATIONSHIP = Pattern.compile("([^:\\s]+)(?::([A-Za-z0-9_-]+))?");

	private final Node root;

	private final Map<String, @Nullable Object> tree;

	private final ImageRegistry registry;

	private final List<LineError> errors = new ArrayList<>();

	private final List<LineError> warnings = new ArrayList<>();

	private final Set<String> applicationNames;

	private final Set<String> serviceNames;

	private SpecRules(Node root, Map<String, @Nullable Object> tree, ImageRegistry registry) {
		this.root = root;
		this.tree = tree;
		this.registry = registry;
		this.applicationNames = section("applications").keySet();
		this.serviceNames = section("services").keySet();
	}

	record Findings(List<LineError> errors, List<LineError> warnings) {
	}

	static Findings check(Node root, Map<String, @Nullable Object> tree, ImageRegistry registry) {
		SpecRules rules = new SpecRules(root, tree, registry);
		rules.controlCharacters(root, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
		rules.services();
		rules.applications();
		rules.routes();
		return new Findings(rules.errors, rules.warnings);
	}

	/**
	 * Control characters (such as NUL, written "\0" in a quoted string) mean nothing in a
	 * config and break the tools that read it: refused where they are written.
	 */
	private void controlCharacters(Node node, Set<Node> seen) {
		if (!seen.add(node)) {
			return;
		}
		if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
			String value = scalar.getValue();
			value.codePoints()
				.filter((c) -> !printable(c))
				.findFirst()
				.ifPresent((c) -> this.errors.add(YamlText.at(node, String
					.format("This value contains the control character U+%04X; remove it (write text only)", c))));
		}
		else if (node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) {
			mapping.getValue().forEach((tuple) -> {
				controlCharacters(tuple.getKeyNode(), seen);
				controlCharacters(tuple.getValueNode(), seen);
			});
		}
		else if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
			sequence.getValue().forEach((item) -> controlCharacters(item, seen));
		}
	}

	/** YAML's printable characters: anything else cannot be written as plain text. */
	static boolean printable(int c) {
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7e) || c == 0x85
				|| (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
	}

	private void services() {
		section("services").forEach((name, value) -> {
			name(List.of("services", name), "Service");
			if (!(value instanceof Map<?, ?> service)) {
				return;
			}
			if (service.get("type") instanceof String type) {
				serviceType(List.of("services", name, "type"), type);
			}
			platformShOnly(List.of("services", name), service, List.of("disk", "size", "resources"));
		});
	}

	private void applications() {
		section("applications").forEach((name, value) -> {
			List<String> at = List.of("applications", name);
			name(at, "Application");
			if (this.serviceNames.contains(name)) {
				error(at, true, "Duplicate name \"" + name + "\": an application and a service cannot share a name");
			}
			if (value instanceof Map<?, ?> application) {
				application(at, application);
			}
		});
	}

	private void application(List<String> at, Map<?, ?> application) {
		Object type = application.get("type");
		Object stack = application.get("stack");
		if (type instanceof String text) {
			runtimeType(child(at, "type"), text, stack != null);
		}
		if (stack != null) {
			stack(child(at, "stack"), stack);
		}
		relationships(at, application.get("relationships"));
		mounts(at, application.get("mounts"));
		if (application.get("workers") instanceof Map<?, ?> workers) {
			workers.forEach((worker, settings) -> {
				if (settings instanceof Map<?, ?> map) {
					List<String> workerAt = child(child(at, "workers"), String.valueOf(worker));
					relationships(workerAt, map.get("relationships"));
					mounts(workerAt, map.get("mounts"));
				}
			});
		}
		platformShOnly(at, application, List.of("disk", "size", "resources", "name"));
	}

	private void runtimeType(List<String> at, String type, boolean composable) {
		Matcher matcher = TYPE.matcher(type);
		if (!matcher.matches()) {
			return;
		}
		String name = matcher.group(1);
		String version = matcher.group(2);
		if (name.equals("composable")) {
			version(at, this.registry.composableImage(), version, "composable image");
			return;
		}
		if (composable) {
			error(at, false, "An application with a stack uses the composable image: write type: "
					+ this.registry.composableImage().example());
			return;
		}
		Image image = this.registry.runtime(name).orElse(null);
		if (image == null) {
			error(at, false, "Unknown runtime \"" + name + "\"; Upsun's runtimes: " + names(this.registry.runtimes())
					+ hint(name, this.registry.runtimes()));
			return;
		}
		version(at, image, version, image.label());
	}

	private void serviceType(List<String> at, String type) {
		Matcher matcher = TYPE.matcher(type);
		if (!matcher.matches()) {
			return;
		}
		String name = matcher.group(1);
		Image image = this.registry.service(name).orElse(null);
		if (image == null) {
			error(at, false, "Unknown service \"" + name + "\"; Upsun's services: " + names(this.registry.services())
					+ hint(name, this.registry.services()));
			return;
		}
		version(at, image, matcher.group(2), image.label());
	}

	private void version(List<String> at, Image image, String version, String label) {
		String supported = image.supported().isEmpty() ? "none" : String.join(", ", image.supported());
		switch (image.status(version)) {
			case SUPPORTED -> {
			}
			case DEPRECATED -> warning(at, label + " " + version
					+ " is deprecated on Upsun: it still deploys but no longer gets updates; supported versions: "
					+ supported);
			case RETIRED -> error(at, false, label + " " + version
					+ " is retired on Upsun and no longer deploys; supported versions: " + supported);
			case UNKNOWN -> error(at, false,
					label + " " + version + " is not a version Upsun offers; supported versions: " + supported);
		}
	}

	/**
	 * A composable stack: runtimes written as "name@version" are checked against the
	 * registry; other entries are Nix packages, which cannot be listed, and pass.
	 */
	private void stack(List<String> at, Object stack) {
		List<Object> entries = new ArrayList<>();
		List<List<String>> paths = new ArrayList<>();
		if (stack instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				entries.add(list.get(i));
				paths.add(child(at, String.valueOf(i)));
			}
		}
		else if (stack instanceof Map<?, ?> map && map.get("runtimes") instanceof List<?> runtimes) {
			for (int i = 0; i < runtimes.size(); i++) {
				entries.add(runtimes.get(i));
				paths.add(child(child(at, "runtimes"), String.valueOf(i)));
			}
		}
		for (int i = 0; i < entries.size(); i++) {
			Object entry = entries.get(i);
			String text = (entry instanceof Map<?, ?> map && map.size() == 1)
					? String.valueOf(map.keySet().iterator().next()) : (entry instanceof String s) ? s : null;
			Matcher matcher = (text != null) ? STACK_RUNTIME.matcher(text) : null;
			if (matcher == null || !matcher.matches()) {
				continue;
			}
			Image runtime = this.registry.composableRuntime(matcher.group(1)).orElse(null);
			if (runtime != null) {
				version(paths.get(i), runtime, matcher.group(2), runtime.label());
			}
		}
	}

	/**
	 * Relationships name a service or another application: as "name:endpoint", as an
	 * empty value or {} (the relationship's own name is the service, with its default
	 * endpoint), or as {service, endpoint}.
	 */
	private void relationships(List<String> owner, @Nullable Object value) {
		if (!(value instanceof Map<?, ?> relationships)) {
			return;
		}
		relationships.forEach((key, target) -> {
			String name = String.valueOf(key);
			List<String> at = child(child(owner, "relationships"), name);
			String service = null;
			if (target == null) {
				service = name;
			}
			else if (target instanceof String text) {
				Matcher matcher = RELATIONSHIP.matcher(text);
				if (!matcher.matches()) {
					error(at, false, "Relationship \"" + name + "\" must be service:endpoint, such as db:mysql");
					return;
				}
				service = matcher.group(1);
			}
			else if (target instanceof Map<?, ?> map) {
				if (map.get("service") instanceof String named) {
					service = named;
					at = child(at, "service");
				}
				else if (!map.containsKey("service")) {
					service = name;
				}
			}
			if (service != null && isNetworkStorage(service)) {
				error(at, target == null,
						"Relationship \"" + name + "\" names \"" + service
								+ "\", a network-storage service, which has no relationship endpoint: mount it instead "
								+ "(mounts: {path: {source: service, service: " + service + ", source_path: files}})");
			}
			else if (service != null && !this.serviceNames.contains(service)
					&& !this.applicationNames.contains(service)) {
				error(at, target == null,
						"Relationship \"" + name + "\" names \"" + service
								+ "\", which is neither a service nor an application of this spec" + ((target == null)
										? " (an empty relationship connects to the service of the same name)" : ""));
			}
		});
	}

	private void mounts(List<String> owner, @Nullable Object value) {
		if (!(value instanceof Map<?, ?> mounts)) {
			return;
		}
		mounts.forEach((key, mount) -> {
			String path = String.valueOf(key);
			List<String> at = child(child(owner, "mounts"), path);
			if (List.of(path.split("/")).contains("..")) {
				error(at, true, "Mount \"" + path + "\" must stay inside the application: no ..");
			}
			if (mount instanceof Map<?, ?> map && "local".equals(map.get("source"))) {
				warning(child(at, "source"), "Mount source \"local\" is Platform.sh's; on Upsun use storage "
						+ "(shared by every instance) or instance (one per instance)");
			}
			if (mount instanceof Map<?, ?> map && "service".equals(map.get("source"))) {
				Object service = map.get("service");
				if (!(service instanceof String name)) {
					error(at, true, "Mount \"" + path + "\" with source: service needs a service, "
							+ "such as service: files (a network-storage service)");
				}
				else if (!this.serviceNames.contains(name)) {
					error(child(at, "service"), false, "Mount \"" + path + "\" names service \"" + name
							+ "\", which is not defined under services");
				}
			}
		});
	}

	private void routes() {
		section("routes").forEach((url, value) -> {
			List<String> at = List.of("routes", url);
			if (!url.contains("{default}") && !url.contains("{all}") && !url.startsWith("http://")
					&& !url.startsWith("https://")) {
				error(at, true, "Route \"" + url
						+ "\" must be a URL template such as https://{default}/ or https://www.{default}/");
			}
			if (!(value instanceof Map<?, ?> route)) {
				return;
			}
			Object type = route.get("type");
			if ("upstream".equals(type)) {
				if (!(route.get("upstream") instanceof String upstream)) {
					error(at, true, "Route \"" + url + "\" of type upstream needs an upstream, such as myapp:http");
				}
				else {
					String application = upstream.split(":", 2)[0];
					if (!this.applicationNames.contains(application)) {
						error(child(at, "upstream"), false, "Route \"" + url + "\" sends requests to \"" + application
								+ "\", which is not an application of this spec");
					}
				}
			}
			else if ("redirect".equals(type) && !(route.get("to") instanceof String)) {
				error(at, true, "Route \"" + url + "\" of type redirect needs a to, such as to: https://{default}/");
			}
		});
	}

	private boolean isNetworkStorage(String service) {
		return section("services").get(service) instanceof Map<?, ?> settings
				&& settings.get("type") instanceof String type && type.startsWith("network-storage:");
	}

	private void platformShOnly(List<String> at, Map<?, ?> settings, List<String> keys) {
		for (String key : keys) {
			if (settings.containsKey(key)) {
				warning(child(at, key),
						"\"" + key + "\" is a Platform.sh setting; Upsun sets " + (key.equals("name")
								? "the name by the key under applications" : "resources with upsun resources:set")
								+ " and ignores it");
			}
		}
	}

	private void name(List<String> at, String what) {
		String name = at.getLast();
		if (!NAME.matcher(name).matches()) {
			error(at, true, what + " name \"" + name
					+ "\" must start with a lowercase letter or digit and use lowercase letters, digits, dashes and underscores");
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, @Nullable Object> section(String key) {
		return (this.tree.get(key) instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of();
	}

	private void error(List<String> at, boolean onKey, String message) {
		this.errors.add(lineOf(at, onKey, message));
	}

	private void warning(List<String> at, String message) {
		this.warnings.add(lineOf(at, false, message));
	}

	private LineError lineOf(List<String> at, boolean onKey, String message) {
		NodeLocator.Located located = NodeLocator.locate(this.root, at);
		Node node = (onKey && located.key() != null) ? located.key() : located.value();
		return YamlText.at(node, message);
	}

	private static List<String> child(List<String> path, String key) {
		List<String> child = new ArrayList<>(path);
		child.add(key);
		return child;
	}

	private static String names(List<Image> images) {
		return images.stream().map(Image::name).collect(Collectors.joining(", "));
	}

	private static String hint(String name, List<Image> images) {
		String closest = Suggestions.closest(name, images.stream().map(Image::name).toList());
		return (closest != null) ? " (did you mean " + closest + "?)" : "";
	}

}
