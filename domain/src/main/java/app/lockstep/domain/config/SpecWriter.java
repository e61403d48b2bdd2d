package app.lockstep.domain.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/** Writes a spec as canonical block YAML, leaving out what is empty. */
final class SpecWriter {

	/** A disk size that reads back as the same text when written as a number. */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

	private SpecWriter() {
	}

	static String write(Spec spec) {
		Map<String, Object> root = new LinkedHashMap<>();
		if (!spec.applications().isEmpty()) {
			Map<String, Object> applications = new LinkedHashMap<>();
			spec.applications().forEach((name, application) -> applications.put(name, application(application)));
			root.put("applications", applications);
		}
		if (!spec.services().isEmpty()) {
			Map<String, Object> services = new LinkedHashMap<>();
			spec.services().forEach((name, service) -> services.put(name, service(service)));
			root.put("services", services);
		}
		return root.isEmpty() ? "" : yaml().dump(root);
	}

	private static Map<String, Object> application(Application application) {
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("type", application.type());
		if (!application.relationships().isEmpty()) {
			written.put("relationships", new LinkedHashMap<>(application.relationships()));
		}
		if (!application.mounts().isEmpty()) {
			Map<String, Object> mounts = new LinkedHashMap<>();
			application.mounts().forEach((path, mount) -> mounts.put(path, mount(mount)));
			written.put("mounts", mounts);
		}
		return written;
	}

	private static Map<String, Object> mount(Mount mount) {
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("source", mount.source());
		if (mount.sourcePath() != null) {
			written.put("source_path", mount.sourcePath());
		}
		return written;
	}

	private static Map<String, Object> service(Service service) {
		Map<String, Object> written = new LinkedHashMap<>();
		written.put("type", service.type());
		String disk = service.disk();
		if (disk != null) {
			written.put("disk", PLAIN_NUMBER.matcher(disk).matches() ? (Object) Integer.valueOf(disk) : disk);
		}
		return written;
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setSplitLines(false);
		options.setLineBreak(DumperOptions.LineBreak.UNIX);
		return new Yaml(new Representer(options), options);
	}

}
