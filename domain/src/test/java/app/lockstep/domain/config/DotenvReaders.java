package app.lockstep.domain.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real readers of a .env file, run on a file: POSIX sh (set -a; . ./.env) and
 * python-dotenv, with and without interpolation. Values come back hex-encoded, so that
 * nothing is lost on the way.
 */
final class DotenvReaders {

	private DotenvReaders() {
	}

	/** What {@code set -a; . file} leaves in the environment, for the given names. */
	static Map<String, String> sh(Path file, List<String> names) {
		String script = "set -a; . \"$1\"; set +a; shift; for n in \"$@\"; do eval \"v=\\${$n}\"; "
				+ "printf '%s=' \"$n\"; printf '%s' \"$v\" | od -An -v -tx1 | tr -d ' \\n'; echo; done";
		List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script, "sh", file.toString()));
		command.addAll(names);
		return hexLines(run(command, file.getParent()));
	}

	/** What python-dotenv's dotenv_values reads from the file. */
	static Map<String, String> pythonDotenv(Path file, boolean interpolate) {
		String script = "import sys, dotenv\n"
				+ "values = dotenv.dotenv_values(sys.argv[1], interpolate=sys.argv[2] == '1')\n"
				+ "for k, v in values.items():\n"
				+ "    print(k + '=' + ('' if v is None else v.encode('utf-8').hex()))\n";
		return hexLines(
				run(List.of(python(), "-c", script, file.toString(), interpolate ? "1" : "0"), file.getParent()));
	}

	/**
	 * A python3 that has python-dotenv (Debian's python3-dotenv, or one installed with
	 * pip).
	 */
	static String python() {
		for (String candidate : List.of("python3", "/usr/bin/python3")) {
			try {
				Process process = new ProcessBuilder(candidate, "-c", "import dotenv").redirectErrorStream(true)
					.start();
				if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
					return candidate;
				}
			}
			catch (IOException ex) {
				// try the next one
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(
				"These tests read .env files with python-dotenv: install it (apt-get install python3-dotenv)");
	}

	private static String run(List<String> command, Path directory) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(
						command.getFirst() + " failed: " + new String(err, StandardCharsets.UTF_8));
			}
			return new String(out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> hexLines(String output) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : output.split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				values.put(line.substring(0, equals),
						new String(HexFormat.of().parseHex(line.substring(equals + 1)), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	static Path write(Path directory, String text) throws IOException {
		Path file = directory.resolve(".env");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

}
