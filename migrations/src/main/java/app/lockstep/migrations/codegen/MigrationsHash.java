package app.lockstep.migrations.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash of every migration script, so code generation runs again exactly when a
 * migration changed.
 */
final class MigrationsHash {

	private MigrationsHash() {
	}

	static String compute(Path directory) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		List<Path> scripts;
		try (Stream<Path> files = Files.list(directory)) {
			scripts = files.sorted().toList();
		}
		for (Path script : scripts) {
			digest.update(script.getFileName().toString().getBytes());
			try (InputStream in = Files.newInputStream(script)) {
				digest.update(in.readAllBytes());
			}
		}
		digest.update(GenerateJooqClasses.class.getName().getBytes());
		return HexFormat.of().formatHex(digest.digest());
	}

}
