package app.lockstep.web.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import app.lockstep.domain.insight.DoraDeployment;
import app.lockstep.domain.insight.DoraFigures;
import app.lockstep.domain.insight.DoraMetrics;
import org.jspecify.annotations.Nullable;

/**
 * What the DORA page says: the four figures with the previous period's and the trend, a
 * bar chart of successful and failed deployments per day (per week past 31 days) drawn as
 * SVG on the server, and the deployments measured.
 */
record DoraView(String title, List<Card> cards, String chart, List<Row> rows) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	/** One figure: its name, value, the previous period's, and the trend in words. */
	record Card(String id, String name, String value, String previous, String trend, boolean better) {

		/**
		 * The trend's colour: green when better, red when worse, grey when nothing
		 * changed or compares.
		 */
		public String trendClass() {
			if (this.trend.equals("no change") || this.trend.equals("nothing to compare with")) {
				return "text-body-secondary";
			}
			return this.better ? "text-success" : "text-danger";
		}

	}

	/** One deployment measured. */
	record Row(String finished, String place, String version, String outcome, String commits, String leadTime,
			String restore) {
	}

	static DoraView of(DoraMetrics.Report report) {
		DoraFigures now = report.current();
		DoraFigures before = report.previous();
		List<Card> cards = List.of(
				new Card("frequency", "Deployment frequency", now.deployments() + " (" + perDay(now.perDay()) + ")",
						before.deployments() + " (" + perDay(before.perDay()) + ")",
						trend(now.perDay(), before.perDay(), true), now.perDay() >= before.perDay()),
				new Card("lead-time", "Lead time for changes", duration(now.leadTime()), duration(before.leadTime()),
						trend(seconds(now.leadTime()), seconds(before.leadTime()), false),
						seconds(now.leadTime()) <= seconds(before.leadTime())),
				new Card("failure-rate", "Change failure rate",
						percent(now.changeFailureRate()) + " (" + now.failures() + " of " + now.finished() + ")",
						percent(before.changeFailureRate()),
						trend(now.changeFailureRate(), before.changeFailureRate(), false),
						now.changeFailureRate() <= before.changeFailureRate()),
				new Card("restore", "Time to restore", duration(now.timeToRestore()), duration(before.timeToRestore()),
						trend(seconds(now.timeToRestore()), seconds(before.timeToRestore()), false),
						seconds(now.timeToRestore()) <= seconds(before.timeToRestore())));
		List<Row> rows = report.deployments()
			.stream()
			.map((d) -> new Row(AT.format(d.finishedAt().atZone(report.zone())), d.project() + "/" + d.environment(),
					d.version(), outcome(d), String.valueOf(d.commits()), duration(d.leadTime()),
					duration(d.timeToRestore())))
			.toList();
		String title = "Delivery of " + report.scope() + ", " + DAY.format(report.period().from()) + " to "
				+ DAY.format(report.period().to()) + " " + report.period().to().getYear();
		return new DoraView(title, cards, chart(report), rows);
	}

	private static String outcome(DoraDeployment d) {
		if (d.changeFailure()) {
			return "Change failure: " + d.failureReason();
		}
		return d.succeeded() ? "Succeeded" : "Failed";
	}

	/** Bars of successful (green) and failed or change-failure (red) deployments. */
	static String chart(DoraMetrics.Report report) {
		boolean weekly = report.period().days() > 31;
		Map<LocalDate, int[]> buckets = new TreeMap<>();
		for (LocalDate day = report.period().from(); !day.isAfter(report.period().to()); day = day
			.plusDays(weekly ? 7 : 1)) {
			buckets.put(day, new int[2]);
		}
		for (DoraDeployment d : report.deployments()) {
			LocalDate day = d.finishedAt().atZone(report.zone()).toLocalDate();
			LocalDate bucket = weekly ? report.period()
				.from()
				.plusDays(7 * ((day.toEpochDay() - report.period().from().toEpochDay()) / 7)) : day;
			int[] counts = buckets.get(bucket);
			if (counts != null) {
				counts[d.changeFailure() ? 1 : 0]++;
			}
		}
		int max = Math.max(1, buckets.values().stream().mapToInt((c) -> c[0] + c[1]).max().orElse(1));
		int width = 640;
		int height = 160;
		int barArea = height - 24;
		double slot = (double) width / buckets.size();
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-labelledby=\"chart-title\" class=\"dora-chart\" id=\"dora-chart\">")
			.append("<title id=\"chart-title\">Deployments per ")
			.append(weekly ? "week" : "day")
			.append(": successful in green, change failures in red</title>");
		int i = 0;
		for (Map.Entry<LocalDate, int[]> bucket : buckets.entrySet()) {
			double x = i * slot + slot * 0.15;
			double w = slot * 0.7;
			int good = bucket.getValue()[0];
			int bad = bucket.getValue()[1];
			double goodHeight = (double) barArea * good / max;
			double badHeight = (double) barArea * bad / max;
			double top = barArea - goodHeight - badHeight;
			svg.append(rect(x, top + badHeight, w, goodHeight, "#2f855a", good + " successful on " + bucket.getKey()));
			svg.append(rect(x, top, w, badHeight, "#c53030", bad + " change failures on " + bucket.getKey()));
			if (buckets.size() <= 31 && (buckets.size() <= 14 || i % 7 == 0)) {
				svg.append("<text x=\"")
					.append(String.format(Locale.ROOT, "%.1f", x))
					.append("\" y=\"")
					.append(height - 6)
					.append("\" font-size=\"10\" fill=\"#4a5568\">")
					.append(DAY.format(bucket.getKey()))
					.append("</text>");
			}
			i++;
		}
		return svg.append("</svg>").toString();
	}

	private static String rect(double x, double y, double w, double h, String fill, String label) {
		if (h <= 0) {
			return "";
		}
		return String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>", x, y,
				w, h, fill, label);
	}

	private static String perDay(double perDay) {
		return String.format(Locale.ROOT, "%.2f a day", perDay);
	}

	private static String percent(double rate) {
		return String.format(Locale.ROOT, "%.0f%%", rate * 100);
	}

	private static double seconds(@Nullable Duration duration) {
		return (duration != null) ? duration.toSeconds() : 0;
	}

	/** "↑ 25% on the previous period", "no change", or "no previous data". */
	static String trend(double now, double before, boolean higherIsBetter) {
		if (before == 0) {
			return (now == 0) ? "no change" : "nothing to compare with";
		}
		double change = (now - before) / before;
		if (Math.abs(change) < 0.005) {
			return "no change";
		}
		return String.format(Locale.ROOT, "%s %.0f%% on the previous period", (change > 0) ? "↑" : "↓",
				Math.abs(change) * 100);
	}

	static String duration(@Nullable Duration duration) {
		if (duration == null) {
			return "—";
		}
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes + " min";
		}
		if (minutes < 48 * 60) {
			return (minutes / 60) + " h " + ((minutes % 60 != 0) ? (minutes % 60) + " min" : "").strip();
		}
		return (minutes / (24 * 60)) + " d " + ((minutes / 60) % 24) + " h";
	}

}
