package app.lockstep.domain.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

import app.lockstep.domain.config.SpecNodes.Entry;

/** The rules of an infrastructure spec, applied to its composed YAML. */
final class SpecReader {

	private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

	private static final Pattern RELATIONSHIP_NAME = Pattern.compile("[A-Za-z0-9_-]+");

	private static final Pattern TYPE = Pattern.compile("([^:\\s]+):([^:\\s]+)");

	private static final Pattern RELATIONSHIP = Pattern.compile("([^:\\s]+):([A-Za-z0-9_-]+)");

	private static final Pattern DISK = Pattern.compile("[1-9][0-9]{0,8}");

	private final SpecNodes nodes = new SpecNodes();

	/** Every name under services, valid or not, so relationships are checked once. */
	private final Set<String> serviceNames = new HashSet<>();

	private record Type(String name, String version) {
	}

	SpecParse read(Node root) {
		Node applications = null;
		Node services = null;
		for (Entry entry : this.nodes.entries(root,
				"The spec must be a mapping with applications and services at the top level")) {
			switch (entry.key()) {
				case "applications" -> applications = entry.value();
				case "services" -> services = entry.value();
				default -> this.nodes.error(entry.keyNode(),
						"Unknown key \"" + entry.key() + "\" at the top level; expected applications or services");
			}
		}
		Map<String, Service> readServices = (services != null) ? services(services) : Map.of();
		Map<String, Application> readApplications = (applications != null) ? applications(applications) : Map.of();
		if (this.nodes.hasErrors()) {
			return SpecParse.invalid(this.nodes.errors());
		}
		return SpecParse.of(new Spec(readApplications, readServices));
	}

	private Map<String, Service> services(Node node) {
		Map<String, Service> services = new LinkedHashMap<>();
		for (Entry service : this.nodes.entries(node, "services must map service names to their settings")) {
			name(service, "Service");
			this.serviceNames.add(service.key());
			service(service).ifPresent((read) -> services.put(read.name(), read));
		}
		return services;
	}

	private Optional<Service> service(Entry service) {
		Optional<List<Entry>> entries = this.nodes.mapping(service.value(),
				"Service \"" + service.key() + "\" must be a mapping with a type, such as type: postgresql:16");
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		Entry type = null;
		String disk = null;
		for (Entry entry : entries.get()) {
			switch (entry.key()) {
				case "type" -> type = entry;
				case "disk" -> disk = disk(entry);
				default -> this.nodes.error(entry.keyNode(), "Unknown key \"" + entry.key() + "\" in service \""
						+ service.key() + "\"; expected type or disk");
			}
		}
		String written = disk;
		return type(service, type, "Service", "engine", Catalogue.services(), "postgresql:16")
			.map((engine) -> new Service(service.key(), engine.name(), engine.version(), written));
	}

	private @Nullable String disk(Entry entry) {
		String disk = this.nodes.text(entry);
		if (disk != null && !DISK.matcher(disk).matches()) {
			this.nodes.error(entry.value(), "Disk \"" + disk + "\" must be a size in MB, such as 1024");
		}
		return disk;
	}

	private Map<String, Application> applications(Node node) {
		Map<String, Application> applications = new LinkedHashMap<>();
		for (Entry application : this.nodes.entries(node,
				"applications must map application names to their settings")) {
			name(application, "Application");
			if (this.serviceNames.contains(application.key())) {
				this.nodes.error(application.keyNode(), "Duplicate name \"" + application.key()
						+ "\": an application and a service cannot share a name");
			}
			application(application).ifPresent((read) -> applications.put(read.name(), read));
		}
		return applications;
	}

	private Optional<Application> application(Entry application) {
		Optional<List<Entry>> entries = this.nodes.mapping(application.value(),
				"Application \"" + application.key() + "\" must be a mapping with a type, such as type: php:8.3");
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		Entry type = null;
		Map<String, String> relationships = Map.of();
		Map<String, Mount> mounts = Map.of();
		for (Entry entry : entries.get()) {
			switch (entry.key()) {
				case "type" -> type = entry;
				case "relationships" -> relationships = relationships(application.key(), entry.value());
				case "mounts" -> mounts = mounts(application.key(), entry.value());
				default -> this.nodes.error(entry.keyNode(), "Unknown key \"" + entry.key() + "\" in application \""
						+ application.key() + "\"; expected type, relationships or mounts");
			}
		}
		Map<String, String> readRelationships = relationships;
		Map<String, Mount> readMounts = mounts;
		return type(application, type, "Application", "runtime", Catalogue.runtimes(), "php:8.3")
			.map((runtime) -> new Application(application.key(), runtime.name(), runtime.version(), readRelationships,
					readMounts));
	}

	private Map<String, String> relationships(String application, Node node) {
		Map<String, String> relationships = new LinkedHashMap<>();
		for (Entry relationship : this.nodes.entries(node, "relationships of \"" + application
				+ "\" must map names to service:endpoint, such as database: db:mysql")) {
			if (!RELATIONSHIP_NAME.matcher(relationship.key()).matches()) {
				this.nodes.error(relationship.keyNode(), "Relationship name \"" + relationship.key()
						+ "\" must use letters, digits, dashes and underscores");
			}
			String target = this.nodes.text(relationship);
			Matcher matcher = RELATIONSHIP.matcher((target != null) ? target : "");
			if (!matcher.matches()) {
				this.nodes.error(relationship.value(),
						"Relationship \"" + relationship.key() + "\" must be service:endpoint, such as db:mysql");
			}
			else if (!this.serviceNames.contains(matcher.group(1))) {
				this.nodes.error(relationship.value(), "Relationship \"" + relationship.key() + "\" names service \""
						+ matcher.group(1) + "\", which is not defined under services");
			}
			else {
				relationships.put(relationship.key(), target);
			}
		}
		return relationships;
	}

	private Map<String, Mount> mounts(String application, Node node) {
		Map<String, Mount> mounts = new LinkedHashMap<>();
		for (Entry mount : this.nodes.entries(node, "mounts of \"" + application
				+ "\" must map paths to a source, such as web/files: {source: storage, source_path: files}")) {
			if (mount.key().isBlank()) {
				this.nodes.error(mount.keyNode(), "A mount needs a path");
			}
			else if (List.of(mount.key().split("/")).contains("..")) {
				this.nodes.error(mount.keyNode(),
						"Mount \"" + mount.key() + "\" must stay inside the application: no ..");
			}
			mount(mount).ifPresent((read) -> mounts.put(mount.key(), read));
		}
		return mounts;
	}

	private Optional<Mount> mount(Entry mount) {
		Optional<List<Entry>> entries = this.nodes.mapping(mount.value(),
				"Mount \"" + mount.key() + "\" must be a mapping with a source and, optionally, a source_path");
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		Entry source = null;
		String sourcePath = null;
		for (Entry entry : entries.get()) {
			switch (entry.key()) {
				case "source" -> source = entry;
				case "source_path" -> sourcePath = sourcePath(entry);
				default -> this.nodes.error(entry.keyNode(), "Unknown key \"" + entry.key() + "\" in mount \""
						+ mount.key() + "\"; expected source or source_path");
			}
		}
		String sources = String.join(", ", Mount.SOURCES);
		String text = (source != null) ? this.nodes.text(source) : null;
		if (text == null) {
			this.nodes.error((source != null) ? source.keyNode() : mount.keyNode(),
					"Mount \"" + mount.key() + "\" needs a source: one of " + sources);
			return Optional.empty();
		}
		if (!Mount.SOURCES.contains(text)) {
			this.nodes.error(source.value(), "Mount source \"" + text + "\" must be one of " + sources);
			return Optional.empty();
		}
		return Optional.of(new Mount(text, sourcePath));
	}

	private @Nullable String sourcePath(Entry entry) {
		String path = this.nodes.text(entry);
		if (path != null && path.isBlank()) {
			this.nodes.error(entry.value(), "source_path must not be blank; leave it out instead");
		}
		return path;
	}

	private void name(Entry entry, String what) {
		if (!NAME.matcher(entry.key()).matches()) {
			this.nodes.error(entry.keyNode(),
					what + " name \"" + entry.key() + "\" must use lowercase letters, digits, dashes and underscores");
		}
	}

	/**
	 * Checks the type against the catalogue: "name:version" with a known name and one of
	 * its supported versions.
	 */
	private Optional<Type> type(Entry owner, @Nullable Entry type, String what, String kind,
			List<CatalogueEntry> catalogue, String example) {
		String text = (type != null) ? this.nodes.text(type) : null;
		if (text == null) {
			this.nodes.error((type != null) ? type.keyNode() : owner.keyNode(),
					what + " \"" + owner.key() + "\" needs a type, such as " + example);
			return Optional.empty();
		}
		Node at = type.value();
		Matcher matcher = TYPE.matcher(text);
		if (!matcher.matches()) {
			this.nodes.error(at, "Type \"" + text + "\" must be " + kind + ":version, such as " + example);
			return Optional.empty();
		}
		String name = matcher.group(1);
		String version = matcher.group(2);
		Optional<CatalogueEntry> known = catalogue.stream().filter((entry) -> entry.name().equals(name)).findFirst();
		if (known.isEmpty()) {
			this.nodes.error(at, "Unknown " + kind + " \"" + name + "\"; known " + kind + "s: "
					+ catalogue.stream().map(CatalogueEntry::name).collect(Collectors.joining(", ")));
			return Optional.empty();
		}
		if (!known.get().supports(version)) {
			this.nodes.error(at, known.get().label() + " " + version + " is not supported; supported versions of "
					+ name + ": " + String.join(", ", known.get().versions()));
			return Optional.empty();
		}
		return Optional.of(new Type(name, version));
	}

}
