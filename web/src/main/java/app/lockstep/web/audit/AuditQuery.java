package app.lockstep.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.Instants;
import app.lockstep.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit filters as typed on the page or sent to the API: {@code actor},
 * {@code action}, {@code project}, {@code environment}, {@code from}, {@code to} and
 * {@code q} (free text). Times are an ISO-8601 instant ({@code 2026-01-31T10:00:00Z}, or
 * with an offset), a date and time without one ({@code 2026-01-31T10:00}, read as UTC, as
 * a browser's date-time field sends it) or a date ({@code 2026-01-31}: from its start;
 * {@code to} includes the whole day).
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String project,
		@Nullable String environment, @Nullable String from, @Nullable String to, @Nullable String q) {

	static final String TIME_FORMATS = "use 2026-01-31, 2026-01-31T10:00 (UTC) or an instant such as 2026-01-31T10:00:00Z";

	/**
	 * The filter, or every problem with the input at once, each tied to its field.
	 */
	public AuditFilter toFilter() {
		List<FieldError> errors = new ArrayList<>();
		Instant start = time("from", this.from, false, errors);
		Instant end = time("to", this.to, true, errors);
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new AuditFilter(this.actor, this.action, this.project, this.environment, start, end, this.q);
	}

	/** The filters that were given, to carry into "load more" and export links. */
	public Map<String, String> given() {
		Map<String, String> given = new LinkedHashMap<>();
		put(given, "actor", this.actor);
		put(given, "action", this.action);
		put(given, "project", this.project);
		put(given, "environment", this.environment);
		put(given, "from", this.from);
		put(given, "to", this.to);
		put(given, "q", this.q);
		return given;
	}

	/** A path with these filters (and any extra parameters) as its query. */
	public String link(String path, Map<String, ?> extra) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		given().forEach(builder::queryParam);
		extra.forEach(builder::queryParam);
		return builder.encode().build().toUriString();
	}

	public boolean isEmpty() {
		return given().isEmpty();
	}

	private static void put(Map<String, String> given, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			given.put(name, value.strip());
		}
	}

	private static @Nullable Instant time(String field, @Nullable String value, boolean end, List<FieldError> errors) {
		Instant time = parse(field, value, end, errors);
		if (time != null && !Instants.inRange(time)) {
			errors.add(new FieldError(field, Instants.OUT_OF_RANGE));
			return null;
		}
		return time;
	}

	private static @Nullable Instant parse(String field, @Nullable String value, boolean end, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// not with an offset; try the other forms
		}
		try {
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// not a local date-time either
		}
		try {
			LocalDate date = LocalDate.parse(text);
			return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "\"" + abbreviate(text) + "\" is not a time: " + TIME_FORMATS + "."));
			return null;
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
