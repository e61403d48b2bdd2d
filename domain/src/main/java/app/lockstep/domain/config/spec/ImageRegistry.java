package app.lockstep.domain.config.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The runtimes and services a spec may use and the state of each version, as data
 * mirroring Upsun's public image registry (resources/upsun/registry.yaml). A supported
 * version saves; a deprecated one saves with a warning; a retired or unknown one is
 * refused, naming the supported versions.
 */
public final class ImageRegistry {

	public static final String RESOURCE = "/upsun/registry.yaml";

	private static final ImageRegistry UPSUN = load(RESOURCE);

	private final Map<String, Image> runtimes;

	private final Map<String, Image> services;

	private final Map<String, Image> composableRuntimes;

	private final Image composableImage;

	public enum Status {

		SUPPORTED, DEPRECATED, RETIRED, UNKNOWN

	}

	/**
	 * A runtime or service image: its name, a label for people, its versions newest
	 * first.
	 */
	public record Image(String name, String label, @Nullable String endpoint, List<String> supported,
			List<String> deprecated, List<String> retired) {

		public Image {
			supported = List.copyOf(supported);
			deprecated = List.copyOf(deprecated);
			retired = List.copyOf(retired);
		}

		public Status status(String version) {
			if (this.supported.contains(version)) {
				return Status.SUPPORTED;
			}
			if (this.deprecated.contains(version)) {
				return Status.DEPRECATED;
			}
			return this.retired.contains(version) ? Status.RETIRED : Status.UNKNOWN;
		}

		/** Supported, then deprecated: what a person may still choose. */
		public List<String> available() {
			List<String> available = new ArrayList<>(this.supported);
			available.addAll(this.deprecated);
			return available;
		}

		/** The newest supported version, such as "8.5"; empty when none is supported. */
		public Optional<String> newest() {
			return this.supported.stream().findFirst();
		}

		/** The type as written in a spec for the newest version, such as "php:8.5". */
		public String example() {
			return this.name + ":" + newest().orElse(this.deprecated.isEmpty() ? "" : this.deprecated.getFirst());
		}

	}

	private ImageRegistry(Map<String, Image> runtimes, Map<String, Image> services,
			Map<String, Image> composableRuntimes, Image composableImage) {
		this.runtimes = runtimes;
		this.services = services;
		this.composableRuntimes = composableRuntimes;
		this.composableImage = composableImage;
	}

	public static ImageRegistry upsun() {
		return UPSUN;
	}

	public List<Image> runtimes() {
		return List.copyOf(this.runtimes.values());
	}

	public List<Image> services() {
		return List.copyOf(this.services.values());
	}

	public Optional<Image> runtime(String name) {
		return Optional.ofNullable(this.runtimes.get(name));
	}

	public Optional<Image> service(String name) {
		return Optional.ofNullable(this.services.get(name));
	}

	/** Runtimes the composable image's stack may name, such as php in "php@8.4". */
	public Optional<Image> composableRuntime(String name) {
		return Optional.ofNullable(this.composableRuntimes.get(name));
	}

	public List<Image> composableRuntimes() {
		return List.copyOf(this.composableRuntimes.values());
	}

	/** The versions of the composable image itself, as in "type: composable:25.05". */
	public Image composableImage() {
		return this.composableImage;
	}

	@SuppressWarnings("unchecked")
	static ImageRegistry load(String resource) {
		Map<String, Object> root;
		try (InputStream in = ImageRegistry.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The image registry " + resource + " is not on the class path");
			}
			root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> composable = map(root.get("composable"));
		return new ImageRegistry(images(map(root.get("runtimes"))), images(map(root.get("services"))),
				images(map(composable.get("runtimes"))), image("composable", map(composable.get("images"))));
	}

	private static Map<String, Image> images(Map<String, Object> entries) {
		Map<String, Image> images = new LinkedHashMap<>();
		entries.forEach((name, value) -> images.put(name, image(name, map(value))));
		return images;
	}

	private static Image image(String name, Map<String, Object> entry) {
		Object label = entry.get("label");
		Object endpoint = entry.get("endpoint");
		return new Image(name, (label != null) ? label.toString() : name,
				(endpoint != null) ? endpoint.toString() : null, versions(entry.get("supported")),
				versions(entry.get("deprecated")), versions(entry.get("retired")));
	}

	private static List<String> versions(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(String::valueOf).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

}
