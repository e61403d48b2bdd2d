package app.lockstep.domain.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of an organization's audit trail. Event {@code n} carries
 * {@code prevHash} (the hash of event {@code n-1}, or {@link #GENESIS} for the first) and
 * {@code hash = SHA-256(prevHash || canonicalJson(event))}, hex-encoded in lower case,
 * where {@code prevHash} enters as its 64 hex characters and the canonical JSON as UTF-8.
 * <p>
 * The canonical JSON of an event is an object with exactly the keys {@code action},
 * {@code actor} ({@code id}, {@code name}, {@code type}), {@code at}, {@code details},
 * {@code environment}, {@code ip}, {@code org}, {@code project}, {@code seq} and
 * {@code target} ({@code id}, {@code type}), written:
 * <ul>
 * <li>without any whitespace between tokens, keys of every object sorted by Unicode code
 * point;</li>
 * <li>strings with only {@code "} {@code \} and the control characters U+0000 to U+001F
 * escaped ({@code \b \t \n \f \r} by name, the others as {@code \}{@code u00xx} in lower
 * case), everything else as itself in UTF-8;</li>
 * <li>numbers as integers in plain decimal (details never hold fractions: they are
 * recorded as strings), {@code true}, {@code false} and {@code null} as such;</li>
 * <li>{@code at} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, always with three fraction
 * digits (instants are truncated to milliseconds before they are stored); {@code seq} as
 * a number, {@code org} as the organization's UUID in lower case.</li>
 * </ul>
 * This is what Python's {@code json.dumps(event, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)} writes, so an auditor can recompute every hash in a few lines.
 */
public final class AuditChain {

	/** The {@code prevHash} of an organization's first event: 64 zeros. */
	public static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final HexFormat HEX = HexFormat.of();

	private static final Comparator<String> BY_CODE_POINT = (left, right) -> {
		int i = 0;
		int j = 0;
		while (i < left.length() && j < right.length()) {
			int a = left.codePointAt(i);
			int b = right.codePointAt(j);
			if (a != b) {
				return Integer.compare(a, b);
			}
			i += Character.charCount(a);
			j += Character.charCount(b);
		}
		return Integer.compare(left.length() - i, right.length() - j);
	};

	private AuditChain() {
	}

	/** The instant as the chain stores it: truncated to milliseconds. */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	/** The canonical text of an instant: {@code 2026-11-22T10:15:30.120Z}. */
	public static String formatAt(Instant instant) {
		return AT.format(truncate(instant));
	}

	/** The fields of an event as the canonical JSON holds them. */
	public static Map<String, @Nullable Object> fields(OrgId org, long seq, Instant at, Actor actor, String action,
			String targetType, @Nullable String targetId, @Nullable String project, @Nullable String environment,
			Map<String, ?> details) {
		Map<String, @Nullable Object> actorFields = new LinkedHashMap<>();
		actorFields.put("type", actor.type().name());
		actorFields.put("id", actor.id());
		actorFields.put("name", actor.name());
		Map<String, @Nullable Object> target = new LinkedHashMap<>();
		target.put("type", targetType);
		target.put("id", targetId);
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("seq", seq);
		fields.put("at", formatAt(at));
		fields.put("actor", actorFields);
		fields.put("action", action);
		fields.put("target", target);
		fields.put("project", project);
		fields.put("environment", environment);
		fields.put("details", details);
		fields.put("ip", actor.ip());
		fields.put("org", org.value().toString());
		return fields;
	}

	public static Map<String, @Nullable Object> fields(OrgId org, AuditEvent event) {
		return fields(org, event.seq(), event.at(), event.actor(), event.action(), event.targetType(), event.targetId(),
				event.projectSlug(), event.environmentName(), event.details());
	}

	/** The canonical JSON of an event read back from the trail. */
	public static String canonicalJson(OrgId org, AuditEvent event) {
		return canonicalJson(org, event.seq(), event.at(), event.actor(), event.action(), event.targetType(),
				event.targetId(), event.projectSlug(), event.environmentName(), event.details());
	}

	/**
	 * The canonical JSON of an event: what {@code canonicalJson(fields(...))} writes,
	 * without building the maps (this runs for every event a verification or an export
	 * reads).
	 */
	public static String canonicalJson(OrgId org, long seq, Instant at, Actor actor, String action, String targetType,
			@Nullable String targetId, @Nullable String project, @Nullable String environment, Map<String, ?> details) {
		StringBuilder out = new StringBuilder(512);
		writeEvent(out, org, seq, at, actor, action, targetType, targetId, project, environment, details, null, null);
		return out.toString();
	}

	/**
	 * The event in canonical form with {@code prevHash} and {@code hash} among its keys:
	 * a line of the JSON Lines export.
	 */
	public static String canonicalJsonWithHashes(OrgId org, AuditEvent event) {
		StringBuilder out = new StringBuilder(640);
		writeEvent(out, org, event.seq(), event.at(), event.actor(), event.action(), event.targetType(),
				event.targetId(), event.projectSlug(), event.environmentName(), event.details(), event.prevHash(),
				event.hash());
		return out.toString();
	}

	/** The keys in code point order; the two hashes only when given. */
	private static void writeEvent(StringBuilder out, OrgId org, long seq, Instant at, Actor actor, String action,
			String targetType, @Nullable String targetId, @Nullable String project, @Nullable String environment,
			Map<String, ?> details, @Nullable String prevHash, @Nullable String hash) {
		out.append("{\"action\":");
		writeString(out, action);
		out.append(",\"actor\":{\"id\":");
		writeNullable(out, actor.id());
		out.append(",\"name\":");
		writeString(out, actor.name());
		out.append(",\"type\":");
		writeString(out, actor.type().name());
		out.append("},\"at\":\"");
		appendAt(out, at);
		out.append("\",\"details\":");
		write(out, details);
		out.append(",\"environment\":");
		writeNullable(out, environment);
		if (hash != null) {
			out.append(",\"hash\":");
			writeString(out, hash);
		}
		out.append(",\"ip\":");
		writeNullable(out, actor.ip());
		out.append(",\"org\":\"").append(org.value()).append('"');
		if (prevHash != null) {
			out.append(",\"prevHash\":");
			writeString(out, prevHash);
		}
		out.append(",\"project\":");
		writeNullable(out, project);
		out.append(",\"seq\":").append(seq);
		out.append(",\"target\":{\"id\":");
		writeNullable(out, targetId);
		out.append(",\"type\":");
		writeString(out, targetType);
		out.append("}}");
	}

	private static void writeNullable(StringBuilder out, @Nullable String text) {
		if (text == null) {
			out.append("null");
		}
		else {
			writeString(out, text);
		}
	}

	/** What {@link #formatAt} writes, without a formatter for the years 0 to 9999. */
	private static void appendAt(StringBuilder out, Instant instant) {
		LocalDateTime at = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
		if (at.getYear() < 0 || at.getYear() > 9999) {
			out.append(formatAt(instant));
			return;
		}
		pad(out, at.getYear(), 4).append('-');
		pad(out, at.getMonthValue(), 2).append('-');
		pad(out, at.getDayOfMonth(), 2).append('T');
		pad(out, at.getHour(), 2).append(':');
		pad(out, at.getMinute(), 2).append(':');
		pad(out, at.getSecond(), 2).append('.');
		pad(out, at.getNano() / 1_000_000, 3).append('Z');
	}

	private static StringBuilder pad(StringBuilder out, int value, int digits) {
		for (int limit = 10; digits > 1; digits--, limit *= 10) {
			if (value < limit) {
				out.append('0');
			}
		}
		return out.append(value);
	}

	/**
	 * The canonical JSON of a JSON value: a map (string keys), a collection, a string, an
	 * integer, a boolean or null.
	 * @throws IllegalArgumentException for anything else, such as a fraction
	 */
	public static String canonicalJson(@Nullable Object value) {
		StringBuilder out = new StringBuilder(256);
		write(out, value);
		return out.toString();
	}

	/** {@code SHA-256(prevHash || canonical)}, in lower-case hex. */
	public static String hash(String prevHash, String canonical) {
		MessageDigest digest = SHA_256.get();
		digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
		digest.update(canonical.getBytes(StandardCharsets.UTF_8));
		return HEX.formatHex(digest.digest());
	}

	/** A digest per thread: looking one up costs as much as hashing a small event. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	});

	/**
	 * Details as the chain records them: maps with string keys, lists, strings, integers,
	 * booleans and nulls. Fractions and any other value (an enum, a time zone, an id)
	 * become their text, so what is stored, what is hashed and what an auditor reads back
	 * are the same.
	 */
	public static Map<String, @Nullable Object> normalize(Map<String, ?> details) {
		Map<String, @Nullable Object> normalized = new TreeMap<>(BY_CODE_POINT);
		details.forEach((key, value) -> normalized.put(key, normalizeValue(value)));
		return normalized;
	}

	private static @Nullable Object normalizeValue(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> normalized = new TreeMap<>(BY_CODE_POINT);
			map.forEach((key, item) -> normalized.put(String.valueOf(key), normalizeValue(item)));
			return normalized;
		}
		if (value instanceof Collection<?> items) {
			List<@Nullable Object> normalized = new ArrayList<>(items.size());
			items.forEach((item) -> normalized.add(normalizeValue(item)));
			return normalized;
		}
		if (value instanceof Object[] items) {
			return normalizeValue(List.of(items));
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return String.valueOf(value);
	}

	private static void write(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			writeString(out, text);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool.booleanValue());
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			String[] keys = new String[map.size()];
			int count = 0;
			for (Object key : map.keySet()) {
				if (!(key instanceof String name)) {
					throw new IllegalArgumentException("JSON object keys are strings, not " + key);
				}
				keys[count++] = name;
			}
			Arrays.sort(keys, BY_CODE_POINT);
			out.append('{');
			for (int i = 0; i < keys.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				writeString(out, keys[i]);
				out.append(':');
				write(out, map.get(keys[i]));
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> items) {
			out.append('[');
			boolean first = true;
			for (Object item : items) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(out, item);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("The canonical JSON of the audit chain holds only strings, integers, "
					+ "booleans, nulls, objects and arrays, not " + value.getClass().getSimpleName() + " " + value);
		}
	}

	private static void writeString(StringBuilder out, String text) {
		out.append('"');
		if (plain(text)) {
			out.append(text).append('"');
			return;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX.toHexDigits((byte) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/** Nothing to escape. */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

}
