package app.lockstep.domain.deploy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import app.lockstep.domain.code.Artifact;
import app.lockstep.domain.code.ArtifactId;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.config.ChangeSummary;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ConfigScope;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.Instants;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.window.EffectiveWindows;
import app.lockstep.domain.window.WindowCheck;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * The change-management report: every deployment requested in a period (optionally of one
 * tier), each with what it deployed (artifact and its commits, config revision and its
 * change summary), who requested and who approved it, whether separation of duties held,
 * whether it started inside its environment's windows, its emergency reason and review,
 * and its outcome; a summary on top, exceptions first. The evidence an auditor samples.
 * Reading it needs {@link Permission#READ_AUDIT}; it changes nothing.
 * <ul>
 * <li>Approvers are the decisions on the deployment's final request version (earlier
 * versions' approvals were voided when the request changed).</li>
 * <li>Separation of duties holds when at least one approval counts and none was given by
 * the requester (self-approval).</li>
 * <li>"Inside windows" asks {@link app.lockstep.domain.window.WindowCheck} about the
 * instant it started, with the environment's rules as they are now.</li>
 * </ul>
 */
@UseCase
public final class ChangeReport {

	/** The longest period one report covers. */
	public static final int MAX_DAYS = 366;

	/** The period shown when none is given: the last 30 days, today included. */
	public static final int DEFAULT_DAYS = 30;

	/** How many commits an entry keeps (the rest are counted). */
	public static final int COMMITS_SHOWN = 50;

	/** The tiers a report covers: one, or all of them. */
	public static final String ALL_TIERS = "ALL";

	private final DeploymentPlaces places;

	private final Deployments deployments;

	private final Approvals approvals;

	private final WindowCheck windows;

	private final KnownArtifacts artifacts;

	private final CodeChanges codeChanges;

	private final ViewConfig viewConfig;

	private final Transactions transactions;

	public ChangeReport(DeploymentPlaces places, Deployments deployments, Approvals approvals, WindowCheck windows,
			KnownArtifacts artifacts, CodeChanges codeChanges, ViewConfig viewConfig, Transactions transactions) {
		this.places = places;
		this.deployments = deployments;
		this.approvals = approvals;
		this.windows = windows;
		this.artifacts = artifacts;
		this.codeChanges = codeChanges;
		this.viewConfig = viewConfig;
		this.transactions = transactions;
	}

	/**
	 * The dates asked for (both inclusive, in {@code zone}), as the instants
	 * {@code [from, to)} the deployments' request times are compared with; {@code tier}
	 * null for all tiers.
	 */
	public record Period(LocalDate fromDate, LocalDate toDate, ZoneId zone, @Nullable Tier tier) {

		public Instant from() {
			return this.fromDate.atStartOfDay(this.zone).toInstant();
		}

		public Instant to() {
			return this.toDate.plusDays(1).atStartOfDay(this.zone).toInstant();
		}

		/** {@code PRODUCTION}, … or {@code ALL}. */
		public String tierValue() {
			return (this.tier != null) ? this.tier.name() : ALL_TIERS;
		}

		public String tierLabel() {
			return (this.tier != null) ? this.tier.label() : "All tiers";
		}

		/**
		 * The period as typed: dates {@code yyyy-MM-dd}, both inclusive ({@code to}
		 * defaults to today, {@code from} to 30 days up to {@code to}), at most
		 * {@link #MAX_DAYS} days, and the tier ({@code PRODUCTION} when empty). Every
		 * problem is reported at once, each with its field.
		 */
		public static Period parse(@Nullable String from, @Nullable String to, @Nullable String tier, ZoneId zone,
				Instant now) {
			List<FieldError> errors = new ArrayList<>();
			LocalDate today = LocalDate.ofInstant(now, zone);
			LocalDate end = date("to", to, errors);
			LocalDate start = date("from", from, errors);
			Tier chosen = Tier.PRODUCTION;
			String tierText = blankToNull(tier);
			if (tierText != null) {
				String upper = tierText.toUpperCase(Locale.ROOT);
				if (upper.equals(ALL_TIERS)) {
					chosen = null;
				}
				else {
					try {
						chosen = Tier.valueOf(upper);
					}
					catch (IllegalArgumentException ex) {
						errors
							.add(new FieldError("tier", "Choose a tier: DEVELOPMENT, STAGING, PRODUCTION or ALL (not \""
									+ abbreviate(tierText) + "\")."));
					}
				}
			}
			if (!errors.isEmpty()) {
				throw new ValidationException(errors);
			}
			if (end == null) {
				end = today;
			}
			if (start == null) {
				start = end.minusDays(DEFAULT_DAYS - 1);
			}
			if (start.isAfter(end)) {
				throw new ValidationException("from",
						"The period starts after it ends: choose a \"from\" date on or before " + end + ".");
			}
			long days = end.toEpochDay() - start.toEpochDay() + 1;
			if (days > MAX_DAYS) {
				throw new ValidationException("to",
						"A report covers at most " + MAX_DAYS + " days; this period has " + days + ".");
			}
			return new Period(start, end, zone, chosen);
		}

		private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldError> errors) {
			String text = blankToNull(value);
			if (text == null) {
				return null;
			}
			try {
				LocalDate date = LocalDate.parse(text);
				if (!Instants.inRange(date)) {
					errors.add(new FieldError(field, Instants.OUT_OF_RANGE));
					return null;
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError(field,
						"\"" + abbreviate(text) + "\" is not a date: use yyyy-MM-dd, such as " + "2026-01-31."));
				return null;
			}
		}

	}

	/** Whether the deployment started while its environment's windows were open. */
	public enum WindowAtStart {

		INSIDE("yes", "yes"), OUTSIDE("no", "no"), BYPASSED("no: emergency bypass", "bypassed"),
		NOT_STARTED("not started", "not_started");

		private final String label;

		private final String value;

		WindowAtStart(String label, String value) {
			this.label = label;
			this.value = value;
		}

		public String label() {
			return this.label;
		}

		/** The CSV value. */
		public String value() {
			return this.value;
		}

	}

	/** Whether the requester and the approvers were different people. */
	public enum Duties {

		/** Approved, and nobody approved their own request. */
		HELD("held", "held"),
		/** An approval was given by the requester. */
		VIOLATED("violated: self-approved", "violated"),
		/** Needed no approval (an emergency, or a gate that asks for none). */
		NOT_REQUIRED("no approval required", "not_required"),
		/** Needed approval and has none (awaiting, rejected or cancelled). */
		NOT_APPROVED("not approved", "not_approved");

		private final String label;

		private final String value;

		Duties(String label, String value) {
			this.label = label;
			this.value = value;
		}

		public String label() {
			return this.label;
		}

		public String value() {
			return this.value;
		}

	}

	/** What an auditor looks at first, most serious first. */
	public enum Flag {

		UNREVIEWED_EMERGENCY("Emergency not reviewed"), DUTIES_VIOLATED("Separation of duties violated"),
		OUTSIDE_WINDOW("Started outside its windows"), FAILED("Failed");

		private final String label;

		Flag(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * The config a deployment put live: its revision, the one live before, and what
	 * changed between them ({@code summary} null when there is nothing to compare).
	 */
	public record ConfigChange(@Nullable Integer revision, @Nullable Integer previousRevision,
			@Nullable ChangeSummary summary, String text) {
	}

	/** One deployment of the report. */
	public record Entry(Deployment deployment, DeploymentPlace place, String artifactVersion,
			@Nullable String previousArtifactVersion, List<CodeChange> commits, int commitCount, ConfigChange config,
			List<Approval> decisions, Duties duties, WindowAtStart window, @Nullable String windowRule,
			List<Flag> flags) {

		public Entry {
			commits = List.copyOf(commits);
			decisions = List.copyOf(decisions);
			flags = List.copyOf(flags);
		}

		/** The approvals that let it through (final request version). */
		public List<Approval> approvals() {
			return this.decisions.stream().filter((d) -> d.decision() == Approval.Decision.APPROVE).toList();
		}

		public boolean isException() {
			return !this.flags.isEmpty();
		}

		public String requester() {
			return this.deployment.requestedBy().name();
		}

		/** Such as "succeeded", the status's JSON value. */
		public String outcome() {
			return this.deployment.status().value();
		}

		/** The deployer's last message, or the last delivery error. */
		public @Nullable String outcomeMessage() {
			return (this.deployment.statusMessage() != null) ? this.deployment.statusMessage()
					: this.deployment.lastError();
		}

	}

	/** The counts on top of the report. */
	public record Summary(int total, int succeeded, int failed, int rejectedOrCancelled, int inProgress,
			int emergencies, int unreviewedEmergencies, int dutiesViolated, int selfApproved, int outsideWindow,
			int bypassedWindow, int exceptions) {

		static Summary of(List<Entry> entries) {
			int succeeded = 0;
			int failed = 0;
			int stopped = 0;
			int emergencies = 0;
			int unreviewed = 0;
			int violated = 0;
			int self = 0;
			int outside = 0;
			int bypassed = 0;
			int exceptions = 0;
			for (Entry entry : entries) {
				Deployment d = entry.deployment();
				switch (d.status()) {
					case SUCCEEDED -> succeeded++;
					case FAILED -> failed++;
					case REJECTED, CANCELLED -> stopped++;
					default -> {
					}
				}
				if (d.emergency()) {
					emergencies++;
					if (d.review() == null) {
						unreviewed++;
					}
				}
				if (entry.duties() == Duties.VIOLATED) {
					violated++;
				}
				if (entry.approvals().stream().anyMatch(Approval::selfApproved)) {
					self++;
				}
				if (entry.window() == WindowAtStart.OUTSIDE) {
					outside++;
				}
				if (entry.window() == WindowAtStart.BYPASSED) {
					bypassed++;
				}
				if (entry.isException()) {
					exceptions++;
				}
			}
			int total = entries.size();
			return new Summary(total, succeeded, failed, stopped, total - succeeded - failed - stopped, emergencies,
					unreviewed, violated, self, outside, bypassed, exceptions);
		}

	}

	/**
	 * The report: its period, the counts, and the entries, exceptions first; the first
	 * {@code detailed} of them carry their commits and config change, the others only
	 * what the counts and the order need (see {@link #report(Caller, Period, int)}).
	 */
	public record Report(Period period, Summary summary, List<Entry> entries, int detailed) {

		public Report {
			entries = List.copyOf(entries);
			detailed = Math.min(detailed, entries.size());
		}

		/** The entries with their details, in order. */
		public List<Entry> detailedEntries() {
			return this.entries.subList(0, this.detailed);
		}

		public List<Entry> exceptions() {
			return this.entries.stream().filter(Entry::isException).toList();
		}

	}

	/**
	 * Exceptions first (the most serious flag first), then the rest; each group in the
	 * order they were requested.
	 */
	public static final Comparator<Entry> EXCEPTIONS_FIRST = Comparator
		.comparingInt((Entry e) -> e.flags().isEmpty() ? Flag.values().length : e.flags().get(0).ordinal())
		.thenComparing((Entry e) -> e.deployment().requestedAt())
		.thenComparingLong((Entry e) -> e.deployment().seq());

	public Report report(Caller caller, Period period) {
		return report(caller, period, Integer.MAX_VALUE);
	}

	/**
	 * The report with the commits and config change of its first {@code detailed} entries
	 * only (a page shows a few dozen of a busy month's hundreds): what decides the counts
	 * and the order (decisions, windows, flags) is read for every entry, the commits and
	 * config diffs, most of the cost, only for those shown.
	 */
	public Report report(Caller caller, Period period, int detailed) {
		requireAllowed(caller);
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			Reads reads = new Reads(this.viewConfig.differ(caller));
			List<Entry> entries = new ArrayList<>();
			read(org, period, reads, false, entries::add);
			Summary summary = Summary.of(entries);
			entries.sort(EXCEPTIONS_FIRST);
			int shown = Math.min(detailed, entries.size());
			List<Entry> head = entries.subList(0, shown);
			List<Deployment> deployments = head.stream().map(Entry::deployment).toList();
			List<DeploymentPlace> places = head.stream().map(Entry::place).toList();
			List<List<CodeChange>> commits = readAtOnce(org, deployments, places, reads);
			for (int i = 0; i < shown; i++) {
				Entry light = entries.get(i);
				entries.set(i,
						withDetails(light, commits.get(i), config(reads.differ, light.place(), light.deployment())));
			}
			return new Report(period, summary, entries, shown);
		});
	}

	/**
	 * Hands each entry over as soon as it is built, oldest request first (for a streamed
	 * export). Refuses a caller without {@link Permission#READ_AUDIT} before the first.
	 */
	public void each(Caller caller, Period period, Consumer<Entry> sink) {
		requireAllowed(caller);
		OrgId org = caller.orgId();
		this.transactions.inTenant(org, () -> {
			read(org, period, new Reads(this.viewConfig.differ(caller)), true, sink);
			return null;
		});
	}

	/**
	 * Each entry of the period, oldest request first, with its commits and config change
	 * when {@code details}.
	 */
	private void read(OrgId org, Period period, Reads reads, boolean details, Consumer<Entry> sink) {
		List<Deployment> deployments = this.deployments.requestedBetween(org, period.from(), period.to(),
				(period.tier() != null) ? period.tier().name() : null);
		for (int start = 0; start < deployments.size(); start += DECISIONS_READ_AT_ONCE) {
			List<Deployment> chunk = deployments.subList(start,
					Math.min(deployments.size(), start + DECISIONS_READ_AT_ONCE));
			Map<DeploymentId, List<Approval>> decisions = this.approvals.of(org,
					chunk.stream().map(Deployment::id).toList());
			this.places.addPlacesOf(org, chunk, reads.places);
			List<DeploymentPlace> places = chunk.stream()
				.map((d) -> java.util.Objects.requireNonNull(reads.places.get(d.environmentId()), "read above"))
				.toList();
			List<Environment> unchecked = chunk.stream()
				.filter((d) -> d.startedAt() != null && !reads.windows.containsKey(d.environmentId()))
				.map((d) -> java.util.Objects.requireNonNull(reads.places.get(d.environmentId())).environment())
				.distinct()
				.toList();
			if (!unchecked.isEmpty()) {
				reads.windows.putAll(this.windows.effective(org, unchecked));
			}
			List<List<CodeChange>> commits = null;
			if (details) {
				commits = readAtOnce(org, chunk, places, reads);
			}
			else {
				readArtifacts(org, chunk, reads);
			}
			for (int i = 0; i < chunk.size(); i++) {
				Deployment deployment = chunk.get(i);
				Entry entry = entry(org, places.get(i), deployment, decisions.getOrDefault(deployment.id(), List.of()),
						reads);
				sink.accept((commits != null)
						? withDetails(entry, commits.get(i), config(reads.differ, places.get(i), deployment)) : entry);
			}
		}
	}

	/**
	 * The artifacts of a chunk and those live before them not read yet, in one query
	 * (their versions are on every row).
	 */
	private void readArtifacts(OrgId org, List<Deployment> chunk, Reads reads) {
		List<ArtifactId> unread = chunk.stream()
			.flatMap((d) -> java.util.stream.Stream.of(d.artifactId(), d.previousArtifactId()))
			.filter(java.util.Objects::nonNull)
			.distinct()
			.filter((id) -> !reads.artifacts.containsKey(id))
			.toList();
		Map<ArtifactId, Artifact> found = unread.isEmpty() ? Map.of() : this.artifacts.artifacts(org, unread);
		unread.forEach((id) -> reads.artifacts.put(id, found.get(id)));
	}

	private static Entry withDetails(Entry entry, List<CodeChange> commits, ConfigChange config) {
		return new Entry(entry.deployment(), entry.place(), entry.artifactVersion(), entry.previousArtifactVersion(),
				commits.subList(0, Math.min(commits.size(), COMMITS_SHOWN)), commits.size(), config, entry.decisions(),
				entry.duties(), entry.window(), entry.windowRule(), entry.flags());
	}

	/** The config change of an entry whose details were not read. */
	private static final ConfigChange UNREAD_CONFIG = new ConfigChange(null, null, null, "");

	/** How many deployments' decisions are read in one query. */
	private static final int DECISIONS_READ_AT_ONCE = 500;

	/**
	 * What one report reads once and uses for many rows: places, artifacts and window
	 * rules per environment, config revisions.
	 */
	private static final class Reads {

		final Map<EnvironmentId, DeploymentPlace> places = new HashMap<>();

		final Map<ArtifactId, @Nullable Artifact> artifacts = new HashMap<>();

		final Map<EnvironmentId, EffectiveWindows> windows = new HashMap<>();

		final ViewConfig.Differ differ;

		Reads(ViewConfig.Differ differ) {
			this.differ = differ;
		}

	}

	/**
	 * What the entries of a chunk read, in a few statements for all of them: their
	 * artifacts and those live before, the config revisions they compare, and their
	 * commits (answered in the chunk's order, empty where there are none to read).
	 */
	private List<List<CodeChange>> readAtOnce(OrgId org, List<Deployment> chunk, List<DeploymentPlace> places,
			Reads reads) {
		readArtifacts(org, chunk, reads);
		List<ConfigRevisions.Numbered> revisions = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			Deployment deployment = chunk.get(i);
			Integer revision = deployment.configRevision();
			Integer previous = deployment.previousConfigRevision();
			if (revision != null && previous != null && !previous.equals(revision)) {
				ConfigScope scope = new ConfigScope(places.get(i).project().id(), places.get(i).environment().id());
				revisions.add(new ConfigRevisions.Numbered(scope, previous));
				revisions.add(new ConfigRevisions.Numbered(scope, revision));
			}
		}
		reads.differ.preload(revisions);
		List<CodeChanges.Range> ranges = new ArrayList<>();
		List<Integer> rangeOf = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			Deployment deployment = chunk.get(i);
			Artifact artifact = reads.artifacts.get(deployment.artifactId());
			Artifact previous = (deployment.previousArtifactId() != null)
					? reads.artifacts.get(deployment.previousArtifactId()) : null;
			if (artifact != null && !deployment.isConfigOnly()) {
				rangeOf.add(ranges.size());
				ranges.add(new CodeChanges.Range(places.get(i).project().id(),
						(previous != null) ? previous.commitSha() : null, artifact.commitSha()));
			}
			else {
				rangeOf.add(-1);
			}
		}
		List<List<CodeChange>> answers = this.codeChanges.commitsBetween(org, ranges);
		return rangeOf.stream().map((r) -> (r < 0) ? List.<CodeChange>of() : answers.get(r)).toList();
	}

	public void requireAllowed(Caller caller) {
		caller.require(Permission.READ_AUDIT);
	}

	private Entry entry(OrgId org, DeploymentPlace place, Deployment deployment, List<Approval> allDecisions,
			Reads reads) {
		Artifact artifact = artifact(org, deployment.artifactId(), reads.artifacts);
		Artifact previous = (deployment.previousArtifactId() != null)
				? artifact(org, deployment.previousArtifactId(), reads.artifacts) : null;
		List<Approval> decisions = allDecisions.stream().filter((a) -> !a.isVoidedBy(deployment)).toList();
		Duties duties = duties(deployment, decisions);
		WindowAtStart window = WindowAtStart.NOT_STARTED;
		String rule = null;
		if (deployment.startedAt() != null) {
			rule = reads.windows
				.computeIfAbsent(place.environment().id(), (id) -> this.windows.effective(org, place.environment()))
				.closedBy(deployment.startedAt());
			window = (rule == null) ? WindowAtStart.INSIDE
					: (deployment.emergency() ? WindowAtStart.BYPASSED : WindowAtStart.OUTSIDE);
		}
		List<Flag> flags = new ArrayList<>();
		if (deployment.awaitsReview()) {
			flags.add(Flag.UNREVIEWED_EMERGENCY);
		}
		if (duties == Duties.VIOLATED) {
			flags.add(Flag.DUTIES_VIOLATED);
		}
		if (window == WindowAtStart.OUTSIDE) {
			flags.add(Flag.OUTSIDE_WINDOW);
		}
		if (deployment.status() == DeploymentStatus.FAILED) {
			flags.add(Flag.FAILED);
		}
		// Without its details: report() adds them to the entries it shows, each() to all.
		return new Entry(deployment, place,
				(artifact != null) ? artifact.version() : deployment.artifactId().toString(),
				(previous != null) ? previous.version() : null, List.of(), 0, UNREAD_CONFIG, decisions, duties, window,
				rule, flags);
	}

	private @Nullable Artifact artifact(OrgId org, ArtifactId id, Map<ArtifactId, @Nullable Artifact> cache) {
		if (!cache.containsKey(id)) {
			cache.put(id, this.artifacts.artifact(org, id).orElse(null));
		}
		return cache.get(id);
	}

	static Duties duties(Deployment deployment, List<Approval> decisions) {
		List<Approval> approvals = decisions.stream().filter((a) -> a.decision() == Approval.Decision.APPROVE).toList();
		if (approvals.stream()
			.anyMatch((a) -> a.selfApproved() || a.approverId().equals(deployment.requestedByUser()))) {
			return Duties.VIOLATED;
		}
		if (!approvals.isEmpty()) {
			return Duties.HELD;
		}
		return (deployment.approvalsRequired() == 0) ? Duties.NOT_REQUIRED : Duties.NOT_APPROVED;
	}

	private ConfigChange config(ViewConfig.Differ differ, DeploymentPlace place, Deployment deployment) {
		Integer revision = deployment.configRevision();
		Integer previous = deployment.previousConfigRevision();
		if (revision == null) {
			return new ConfigChange(null, previous, null, "no config");
		}
		if (previous == null) {
			return new ConfigChange(revision, null, null, "revision " + revision + ", the first deployed");
		}
		if (previous.equals(revision)) {
			return new ConfigChange(revision, previous, null, "unchanged");
		}
		try {
			ChangeSummary summary = differ
				.diff(new ConfigScope(place.project().id(), place.environment().id()), previous, revision)
				.summary();
			return new ConfigChange(revision, previous, summary, summary.text());
		}
		catch (NotFoundException ex) {
			return new ConfigChange(revision, previous, null, "revision " + previous + " is gone");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

}
