package app.lockstep.web.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.ChainVerification;
import app.lockstep.domain.audit.ChainVerifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar lockstep.jar verify-audit <file>}: checks a JSON Lines export of an
 * audit chain offline, without starting the application or touching a database, one line
 * at a time (constant memory). Exit status 0 when every event links and matches its hash,
 * 1 otherwise, with a message saying where and why.
 */
public final class AuditFileVerifier {

	public static final String COMMAND = "verify-audit";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private AuditFileVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(List.of(args), System.out, System.err));
	}

	/** Verifies the file named by the only argument ({@code -} for standard input). */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.size() != 1) {
			err.println("Usage: java -jar lockstep.jar " + COMMAND + " <export.jsonl>   (or - for standard input)");
			return 1;
		}
		String name = args.get(0);
		try (Reader reader = "-".equals(name) ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
				: Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8)) {
			Result result = verify(new BufferedReader(reader));
			(result.ok() ? out : err).println(result.message());
			return result.ok() ? 0 : 1;
		}
		catch (NoSuchFileException ex) {
			err.println("No such file: " + name);
			return 1;
		}
		catch (IOException ex) {
			err.println("Cannot read " + name + ": " + ex.getMessage());
			return 1;
		}
	}

	/** The outcome and what to tell the person who asked. */
	public record Result(boolean ok, String message) {
	}

	public static Result verify(BufferedReader lines) throws IOException {
		ChainVerifier verifier = null;
		String org = null;
		long lineNumber = 0;
		long firstSeq = 0;
		String line;
		while ((line = lines.readLine()) != null) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			Map<String, @Nullable Object> event;
			try {
				event = JSON.readValue(line, new TypeReference<LinkedHashMap<String, @Nullable Object>>() {
				});
			}
			catch (JacksonException ex) {
				return broken(lineNumber, "not a JSON object (" + ex.getOriginalMessage() + ")");
			}
			Object prevHash = event.remove("prevHash");
			Object hash = event.remove("hash");
			Object seq = event.get("seq");
			Object eventOrg = event.get("org");
			if (!(seq instanceof Number number) || !(prevHash instanceof String prev) || !(hash instanceof String own)
					|| !(eventOrg instanceof String orgId)) {
				return broken(lineNumber, "an event needs seq, org, prevHash and hash");
			}
			long sequence = number.longValue();
			if (verifier == null) {
				verifier = (sequence == 1) ? new ChainVerifier() : new ChainVerifier(sequence, prev);
				org = orgId;
				firstSeq = sequence;
			}
			else if (!orgId.equals(org)) {
				return broken(lineNumber, "event " + sequence + " belongs to organization " + orgId + ", not " + org);
			}
			String canonical;
			try {
				canonical = AuditChain.canonicalJson(event);
			}
			catch (IllegalArgumentException ex) {
				canonical = "";
			}
			if (!verifier.accept(sequence, prev, own, canonical)) {
				break;
			}
		}
		if (verifier == null) {
			return new Result(false, "No events to verify.");
		}
		ChainVerification result = verifier.finish(null);
		if (result instanceof ChainVerification.Broken broken) {
			return new Result(false, "BROKEN at event " + broken.firstBrokenSeq() + ": " + broken.reason());
		}
		ChainVerification.Verified verified = (ChainVerification.Verified) result;
		String start = (firstSeq == 1) ? "from the genesis" : "from event " + firstSeq
				+ " (the file does not start at the genesis: its first prevHash is taken " + "on trust)";
		return new Result(true,
				"OK: " + verified.events() + " events of organization " + org + " verified " + start + " to event "
						+ verified.headSeq() + ", head hash " + verified.headHash()
						+ ". Compare it with a signed checkpoint or the live head.");
	}

	private static Result broken(long lineNumber, String reason) {
		return new Result(false, "BROKEN at line " + lineNumber + ": " + reason);
	}

}
