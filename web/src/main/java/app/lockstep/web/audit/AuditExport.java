package app.lockstep.web.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.ExportAuditLog;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.tenancy.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Writes the filtered events, oldest first with their hashes, straight to the response as
 * the database cursor yields them (constant memory), as JSON Lines (each line the event's
 * canonical JSON with {@code prevHash} and {@code hash}; a whole chain verifies offline)
 * or CSV. Everything that can be refused (format, filters, permission) is checked before
 * the first byte is written.
 */
@Component
public class AuditExport {

	static final int BUFFER = 64 * 1024;

	static final String CSV_HEADER = "seq,at,actor_type,actor_id,actor_name,action,target_type,target_id,project,"
			+ "environment,details,ip,prev_hash,hash";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final ExportAuditLog exportAuditLog;

	private final Clock clock;

	AuditExport(ExportAuditLog exportAuditLog, Clock clock) {
		this.exportAuditLog = exportAuditLog;
		this.clock = clock;
	}

	public void write(Caller caller, AuditQuery query, @Nullable String format, HttpServletResponse response)
			throws IOException {
		Format chosen = Format.parse(format);
		AuditFilter filter = query.toFilter();
		this.exportAuditLog.requireAllowed(caller);
		String name = caller.organization().slug() + "-audit-" + STAMP.format(this.clock.instant()) + "."
				+ chosen.extension;
		response.setContentType(chosen.contentType);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		OrgId org = caller.orgId();
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				BUFFER);
		if (chosen == Format.CSV) {
			out.write(CSV_HEADER);
			out.write("\r\n");
		}
		try {
			this.exportAuditLog.export(caller, filter, (event) -> {
				try {
					if (chosen == Format.CSV) {
						out.write(csv(event));
						out.write("\r\n");
					}
					else {
						out.write(AuditEventJson.line(org, event));
						out.write('\n');
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	static String csv(AuditEvent event) {
		return String.join(",", cell(String.valueOf(event.seq())), cell(AuditChain.formatAt(event.at())),
				cell(event.actor().type().name()), cell(event.actor().id()), cell(event.actor().name()),
				cell(event.action()), cell(event.targetType()), cell(event.targetId()), cell(event.projectSlug()),
				cell(event.environmentName()), cell(AuditChain.canonicalJson(event.details())),
				cell(event.actor().ip()), cell(event.prevHash()), cell(event.hash()));
	}

	/**
	 * RFC 4180 quoting; a text that a spreadsheet would run as a formula (=, +, -, @,
	 * tab, return) is prefixed with an apostrophe.
	 */
	static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9]+")) {
			text = "'" + text;
		}
		if (needsQuotes(text)) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static boolean needsQuotes(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	enum Format {

		JSONL("jsonl", "application/jsonl"), CSV("csv", "text/csv");

		final String extension;

		final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		static Format parse(@Nullable String format) {
			if (format == null || format.isBlank()) {
				return JSONL;
			}
			return switch (format.strip().toLowerCase(Locale.ROOT)) {
				case "jsonl" -> JSONL;
				case "csv" -> CSV;
				default -> throw new ValidationException("format",
						"format must be jsonl or csv, not \"" + format.strip() + "\".");
			};
		}

	}

}
