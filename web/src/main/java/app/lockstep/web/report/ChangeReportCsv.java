package app.lockstep.web.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import app.lockstep.domain.deploy.Approval;
import app.lockstep.domain.deploy.ChangeReport;
import app.lockstep.domain.deploy.Deployment;
import app.lockstep.domain.access.Caller;
import app.lockstep.web.shared.Download;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import static app.lockstep.web.shared.Download.csvCell;

/**
 * The report as CSV, one row per deployment, oldest request first, written as each entry
 * is built (nothing collected first). Times are ISO-8601 instants in UTC.
 */
final class ChangeReportCsv {

	static final String HEADER = "requested_at,project,environment,artifact,commits,config_revision,config_changes,"
			+ "requester,approvers,separation_of_duties,inside_window,emergency,emergency_reason,reviewed_by,"
			+ "review_comment,status,finished_at";

	private ChangeReportCsv() {
	}

	static void write(ChangeReport report, Caller caller, ChangeReport.Period period, HttpServletResponse response)
			throws IOException {
		report.requireAllowed(caller);
		String name = caller.organization().slug() + "-changes-" + period.tierValue().toLowerCase(java.util.Locale.ROOT)
				+ "-" + period.fromDate() + "-to-" + period.toDate() + ".csv";
		Writer out = Download.start(response, "text/csv", name);
		out.write(HEADER);
		out.write("\r\n");
		try {
			report.each(caller, period, (entry) -> {
				try {
					out.write(row(entry));
					out.write("\r\n");
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

	static String row(ChangeReport.Entry entry) {
		Deployment d = entry.deployment();
		Deployment.Review review = d.review();
		return String.join(",", csvCell(instant(d.requestedAt())), csvCell(entry.place().projectSlug()),
				csvCell(entry.place().environmentName()), csvCell(entry.artifactVersion()), csvCell(commits(entry)),
				csvCell((d.configRevision() != null) ? d.configRevision().toString() : null),
				csvCell(entry.config().text()), csvCell(entry.requester()), csvCell(decisions(entry.decisions())),
				csvCell(entry.duties().value()), csvCell(entry.window().value()), csvCell(d.emergency() ? "yes" : "no"),
				csvCell(d.emergencyReason()),
				csvCell((review != null) ? review.byName() : (d.emergency() ? "not reviewed" : null)),
				csvCell((review != null) ? review.comment() : null), csvCell(d.status().value()),
				csvCell(instant(d.finishedAt())));
	}

	/** Such as "a1b2c3d Fix the cart; e4f5a6b Add the flag (+3 more)". */
	static String commits(ChangeReport.Entry entry) {
		String listed = entry.commits()
			.stream()
			.map((c) -> c.shortSha() + (c.title().isEmpty() ? "" : " " + c.title()))
			.collect(Collectors.joining("; "));
		int more = entry.commitCount() - entry.commits().size();
		return (more > 0) ? listed + " (+" + more + " more)" : listed;
	}

	/** Such as "Lee Lead approved 2026-03-03T10:05:00Z; Olga Owner approved … (self)". */
	static String decisions(List<Approval> decisions) {
		return decisions.stream()
			.map((a) -> a.approverName() + " " + ((a.decision() == Approval.Decision.APPROVE) ? "approved" : "rejected")
					+ " " + instant(a.decidedAt()) + (a.selfApproved() ? " (self-approved)" : ""))
			.collect(Collectors.joining("; "));
	}

	private static @Nullable String instant(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
