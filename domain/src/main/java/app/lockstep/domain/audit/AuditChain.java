package app.lockstep.domain.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
		return canonicalJson(fields(org, event));
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
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
			digest.update(canonical.getBytes(StandardCharsets.UTF_8));
			return HEX.formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

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
			List<Map.Entry<String, @Nullable Object>> entries = new ArrayList<>(map.size());
			map.forEach((key, item) -> {
				if (!(key instanceof String name)) {
					throw new IllegalArgumentException("JSON object keys are strings, not " + key);
				}
				entries.add(Map.entry(name, (item != null) ? item : NULL));
			});
			entries.sort(Map.Entry.comparingByKey(BY_CODE_POINT));
			out.append('{');
			for (int i = 0; i < entries.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				writeString(out, entries.get(i).getKey());
				out.append(':');
				Object item = entries.get(i).getValue();
				write(out, (item == NULL) ? null : item);
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

	private static final Object NULL = new Object();

	private static void writeString(StringBuilder out, String text) {
		out.append('"');
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

}
