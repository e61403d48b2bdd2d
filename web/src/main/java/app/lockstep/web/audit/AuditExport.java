package app.lockstep.web.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import app.lockstep.domain.access.Caller;
import app.lockstep.web.shared.Download;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static app.lockstep.web.shared.Download.csvCell;

/**
 * Writes the filtered events, oldest first with their hashes, straight to the response as
 * the database streams them (constant memory), as JSON Lines (each line the event's
 * canonical JSON with {@code prevHash} and {@code hash}; a whole chain verifies offline)
 * or CSV. Everything that can be refused (format, filters, permission) is checked before
 * the first byte is written.
 */
@Component
public class AuditExport {

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
		OrgId org = caller.orgId();
		Writer out = Download.start(response, chosen.contentType, name);
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
		return String.join(",", csvCell(String.valueOf(event.seq())), csvCell(AuditChain.formatAt(event.at())),
				csvCell(event.actor().type().name()), csvCell(event.actor().id()), csvCell(event.actor().name()),
				csvCell(event.action()), csvCell(event.targetType()), csvCell(event.targetId()),
				csvCell(event.projectSlug()), csvCell(event.environmentName()),
				csvCell(AuditChain.canonicalJson(event.details())), csvCell(event.actor().ip()),
				csvCell(event.prevHash()), csvCell(event.hash()));
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
