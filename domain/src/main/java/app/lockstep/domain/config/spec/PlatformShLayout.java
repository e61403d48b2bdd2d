package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Converts a Platform.sh layout (one .platform.app.yaml per application, or
 * .platform/applications.yaml as a list or a mapping; .platform/services.yaml;
 * .platform/routes.yaml) into the single-file shape of .upsun/config.yaml. Each file's
 * text is kept, comments, anchors and merge keys included, and indented under its
 * section; what Upsun sets elsewhere (disk, size and resources, set with resources on
 * Upsun; the application's name, which becomes its key) is taken out, and each such
 * change is listed.
 */
public final class PlatformShLayout {

	private static final List<String> RESOURCE_KEYS = List.of("disk", "size", "resources");

	/** Indentation of an application's settings under its name in a converted block. */
	private static final int APP_INDENT = 4;

	private final List<String> notes = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private final List<String> applicationBlocks = new ArrayList<>();

	private final Set<String> applicationNames = new LinkedHashSet<>();

	private List<String> services = List.of();

	private List<String> routes = List.of();

	private PlatformShLayout() {
	}

	/** The converted text, what was changed on the way, and problems with the files. */
	public record Conversion(String text, List<String> notes, List<String> problems) {

		public Conversion {
			notes = List.copyOf(notes);
			problems = List.copyOf(problems);
		}

	}

	/**
	 * Converts the files, given by their path in the repository (such as
	 * ".platform.app.yaml", "api/.platform.app.yaml", ".platform/services.yaml").
	 */
	public static Conversion convert(Map<String, String> files) {
		PlatformShLayout layout = new PlatformShLayout();
		files.forEach((path, text) -> layout.file(path.replace('\\', '/'), text.replace("\r\n", "\n")));
		return layout.result();
	}

	private void file(String path, String text) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		YamlText.Composed composed = YamlText.compose(text);
		if (!composed.valid()) {
			this.problems.add(path + ": " + composed.errors().getFirst().located());
			return;
		}
		Node root = composed.root();
		if (name.equals("services.yaml")) {
			this.services = contentLines(withoutResourceKeys(text, "Service"));
		}
		else if (name.equals("routes.yaml")) {
			this.routes = contentLines(text);
		}
		else if (name.equals("applications.yaml") && root instanceof SequenceNode list) {
			applicationList(path, text, list);
		}
		else if (name.equals("applications.yaml") && root instanceof MappingNode mapping && !hasKey(mapping, "type")
				&& !hasKey(mapping, "name")) {
			applications(path, text, "");
		}
		else if (name.endsWith(".app.yaml") || name.endsWith(".app.yml") || name.equals("applications.yaml")) {
			String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
			directory = directory.equals(".platform") ? "" : directory;
			application(path, text, directory);
		}
		else {
			this.problems.add(path + ": not a Platform.sh file (expected .platform.app.yaml, "
					+ ".platform/applications.yaml, .platform/services.yaml or .platform/routes.yaml)");
		}
	}

	/** One application file: its name becomes its key; its directory its source.root. */
	private void application(String path, String text, String directory) {
		Object written = InfrastructureSpec.read(text).tree().get("name");
		String name = (written != null) ? written.toString()
				: directory.isEmpty() ? "app" : directory.substring(directory.lastIndexOf('/') + 1);
		if (written == null) {
			this.problems.add(path + ": no name; called the application \"" + name + "\"");
		}
		List<String> block = new ArrayList<>();
		block.add(YamlWriter.flow(name) + ":");
		block.addAll(YamlLines.shifted(contentLines(text), APP_INDENT));
		applications(path, String.join("\n", block) + "\n", directory);
	}

	/**
	 * .platform/applications.yaml written as a list ("- name: app"): rewritten as a
	 * mapping by name, in one text so that anchors and merge keys between applications
	 * still resolve.
	 */
	private void applicationList(String path, String text, SequenceNode list) {
		YamlLines lines = new YamlLines(text);
		List<Object> resolved = (YamlValues.of(YamlText.resolve(text).root()) instanceof List<?> items)
				? new ArrayList<>(items) : List.of();
		List<String> block = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < list.getValue().size(); i++) {
			if (!(list.getValue().get(i) instanceof MappingNode item) || item.getValue().isEmpty()
					|| !(resolved.get(i) instanceof Map<?, ?> app) || app.get("name") == null) {
				this.problems.add(path + ": item " + (i + 1) + " is not an application with a name");
				continue;
			}
			int column = item.getValue().getFirst().getKeyNode().getStartMark().getColumn();
			int dash = next;
			while (dash < lines.size() && !lines.line(dash).stripLeading().startsWith("-")) {
				dash++;
			}
			for (int comment = next; comment < dash; comment++) {
				block.add(lines.line(comment).isBlank() ? "" : lines.line(comment).strip());
			}
			int last = YamlExtent.lastLine(lines, null, item);
			String anchor = item.getAnchor();
			block.add(YamlWriter.flow(String.valueOf(app.get("name"))) + ":" + ((anchor != null) ? " &" + anchor : ""));
			List<String> content = lines.lines(dash, last);
			String dashLine = content.getFirst();
			int at = dashLine.indexOf('-');
			String rest = dashLine.substring(at + 1);
			if (anchor != null) {
				rest = rest.replaceFirst("&" + java.util.regex.Pattern.quote(anchor), "");
			}
			content.set(0, rest.isBlank() ? "" : " ".repeat(at + 1) + rest);
			if (content.getFirst().isEmpty()) {
				content.removeFirst();
			}
			block.addAll(YamlLines.shifted(content, APP_INDENT - column));
			next = last + 1;
		}
		applications(path, String.join("\n", block) + "\n", "");
	}

	/**
	 * A block of applications (a mapping by name): each loses its name and the keys Upsun
	 * sets with resources, and gains source.root when its file was in a directory.
	 */
	private void applications(String path, String block, String directory) {
		String edited = block;
		Map<String, @Nullable Object> apps = InfrastructureSpec.read(block).tree();
		for (Map.Entry<String, @Nullable Object> app : apps.entrySet()) {
			String name = app.getKey();
			if (!this.applicationNames.add(name)) {
				this.problems.add(path + ": a second application named \"" + name + "\"");
				return;
			}
			if (!(app.getValue() instanceof Map<?, ?> settings)) {
				continue;
			}
			if (settings.containsKey("name")) {
				edited = removed(edited, List.of(name, "name"), null);
			}
			for (String key : RESOURCE_KEYS) {
				if (settings.containsKey(key)) {
					edited = removed(edited, List.of(name, key), "Application \"" + name + "\": removed " + key + ": "
							+ YamlWriter.flow(settings.get(key)) + " (Upsun sets it with resources)");
				}
			}
			if (!directory.isEmpty() && !InfrastructureSpec.read(edited).has(List.of(name, "source", "root"))) {
				edited = SpecEditor.take(edited,
						YamlWriter.flow(name) + ":\n  source:\n    root: " + YamlWriter.flow(directory) + "\n",
						List.of(name, "source", "root"));
				this.notes
					.add("Application \"" + name + "\": added source.root: " + directory + " (where its file was)");
			}
		}
		this.applicationBlocks.add(String.join("\n", contentLines(edited)));
	}

	private String withoutResourceKeys(String text, String what) {
		String edited = text;
		for (Map.Entry<String, @Nullable Object> entry : InfrastructureSpec.read(text).tree().entrySet()) {
			if (!(entry.getValue() instanceof Map<?, ?> settings)) {
				continue;
			}
			for (String key : RESOURCE_KEYS) {
				if (settings.containsKey(key)) {
					edited = removed(edited, List.of(entry.getKey(), key),
							what + " \"" + entry.getKey() + "\": removed " + key + ": "
									+ YamlWriter.flow(settings.get(key)) + " (Upsun sets it with resources)");
				}
			}
		}
		return edited;
	}

	/**
	 * The text without the entry, or as it was (noted) when an anchor shares the entry.
	 */
	private String removed(String text, List<String> path, @Nullable String note) {
		try {
			String edited = SpecEditor.remove(text, path);
			if (note != null) {
				this.notes.add(note);
			}
			return edited;
		}
		catch (SpecEditor.EditRefused ex) {
			this.notes.add("Kept " + String.join(".", path) + ": it is shared through a YAML anchor (" + ex.getMessage()
					+ "); Upsun ignores it");
			return text;
		}
	}

	private Conversion result() {
		if (this.applicationBlocks.isEmpty() && this.problems.isEmpty()) {
			this.problems.add("No application: add a .platform.app.yaml or .platform/applications.yaml");
		}
		List<String> out = new ArrayList<>();
		if (!this.applicationBlocks.isEmpty()) {
			out.add("applications:");
			for (String block : this.applicationBlocks) {
				out.addAll(YamlLines.shifted(List.of(block.split("\n", -1)), 2));
			}
		}
		section(out, "services", this.services);
		section(out, "routes", this.routes);
		return new Conversion(out.isEmpty() ? "" : String.join("\n", out) + "\n", this.notes, this.problems);
	}

	private static void section(List<String> out, String key, List<String> lines) {
		if (lines.stream().allMatch((line) -> line.isBlank() || line.stripLeading().startsWith("#"))) {
			return;
		}
		if (!out.isEmpty()) {
			out.add("");
		}
		out.add(key + ":");
		out.addAll(YamlLines.shifted(lines, 2));
	}

	/** The lines up to the last one with content. */
	private static List<String> contentLines(String text) {
		YamlLines lines = new YamlLines(text);
		int last = lines.size() - 1;
		while (last > 0 && lines.blank(last)) {
			last--;
		}
		return lines.lines(0, Math.max(last, 0));
	}

	private static boolean hasKey(MappingNode mapping, String key) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
				return true;
			}
		}
		return false;
	}

}
