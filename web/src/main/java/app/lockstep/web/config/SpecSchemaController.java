package app.lockstep.web.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.spec.ImageRegistry;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON Schema and the image registry the server validates specs with, for the
 * editor's completion: one source of truth, read from the domain's resources.
 */
@RestController
class SpecSchemaController {

	private final String schema = read(InfrastructureSpec.SCHEMA_RESOURCE);

	private final String registry;

	SpecSchemaController() {
		ImageRegistry upsun = ImageRegistry.upsun();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("runtimes", images(upsun.runtimes()));
		body.put("services", images(upsun.services()));
		body.put("composableRuntimes", images(upsun.composableRuntimes()));
		body.put("composableImage", images(List.of(upsun.composableImage())).getFirst());
		this.registry = JsonMapper.builder().build().writeValueAsString(body);
	}

	@GetMapping(path = "/schemas/upsun-config.schema.json",
			produces = { "application/schema+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> schema() {
		return cached(this.schema);
	}

	@GetMapping(path = "/schemas/upsun-registry.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> registry() {
		return cached(this.registry);
	}

	private static ResponseEntity<String> cached(String body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.eTag("\"" + Integer.toHexString(body.hashCode()) + "\"")
			.body(body);
	}

	private static List<Map<String, Object>> images(List<ImageRegistry.Image> images) {
		return images.stream().map((image) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", image.name());
			entry.put("label", image.label());
			entry.put("supported", image.supported());
			entry.put("deprecated", image.deprecated());
			entry.put("retired", image.retired());
			return entry;
		}).toList();
	}

	private static String read(String resource) {
		try (InputStream in = InfrastructureSpec.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
