package app.lockstep.web.timeline;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import app.lockstep.domain.timeline.TimelineEntry;
import app.lockstep.domain.timeline.TimelineLink;
import app.lockstep.web.shared.ZoneTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A timeline entry as the page shows it: times in the environment's time zone, the link
 * as an address ({@code external} for a commit at the forge), and a day heading when the
 * entry starts a new day.
 */
record TimelineRow(String id, String kind, String kindLabel, String at, String time, @Nullable String day, String title,
		List<String> details, @Nullable String actor, @Nullable String href, @Nullable String linkText,
		boolean external, String utc) {

	/** The link to what the entry is about: an arrow for a page here, another out. */
	public String link() {
		return this.linkText + (this.external ? " ↗" : " →");
	}

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

	static TimelineRow of(TimelineEntry entry, ZoneId zone, String environmentPath, @Nullable String previousDay) {
		String day = DAY.format(entry.at().atZone(zone));
		String href = null;
		String linkText = null;
		boolean external = false;
		switch (entry.link()) {
			case TimelineLink.ConfigDiff diff -> {
				href = UriComponentsBuilder.fromPath(environmentPath + "/config/diff")
					.queryParam("from", diff.from())
					.queryParam("to", diff.to())
					.toUriString();
				linkText = "Diff with revision " + diff.from();
			}
			case TimelineLink.ConfigRevision revision -> {
				href = environmentPath + "/config/revisions/" + revision.number();
				linkText = "Revision " + revision.number();
			}
			case TimelineLink.Deployment deployment -> {
				href = environmentPath + "/deployments/"
						+ UriComponentsBuilder.fromPath("{id}").buildAndExpand(deployment.id()).encode().toUriString();
				linkText = "Deployment";
			}
			case TimelineLink.Commit commit -> {
				if (isWebAddress(commit.url())) {
					href = commit.url();
					linkText = "Commit";
					external = true;
				}
			}
			case null -> {
			}
		}
		String kind = entry.kind().value();
		return new TimelineRow(entry.id(), kind, Character.toUpperCase(kind.charAt(0)) + kind.substring(1),
				entry.at().toString(), TIME.format(entry.at().atZone(zone)), day.equals(previousDay) ? null : day,
				entry.title(), entry.details(), entry.actorName(), href, linkText, external,
				new ZoneTimes(zone).other(entry.at()));
	}

	/** Only http and https addresses become links (a push could carry anything). */
	static boolean isWebAddress(String url) {
		try {
			String scheme = URI.create(url).getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
