package app.lockstep.domain.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writable storage for an application: where it comes from and, optionally, which part.
 */
public record Mount(String source, @Nullable String sourcePath) {

	/** The sources a mount may use, as Upsun names them. */
	public static final List<String> SOURCES = List.of("local", "service", "storage", "tmp", "instance");

}
