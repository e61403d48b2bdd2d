package app.lockstep.domain.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.audit.AuditFilter;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.CodeChange;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.Commit;
import app.lockstep.domain.project.BranchPattern;
import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.project.Tier;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * An environment's timeline, newest first: the audit events of the environment (config
 * revisions, deployments, approvals, windows and policies, the environment's own
 * changes), the commits pushed to a branch its branch pattern matches, and for a
 * production environment the organization-wide freezes. Any member who may view projects
 * reads it (auditors and viewers included); audit details never hold a secret value.
 * <p>
 * The sources are merged by time, one page at a time. Each source is read in its own
 * keyset order, and the {@link TimelineCursor} records where each one stopped, so no
 * entry is skipped or shown twice between pages even when two sources share an instant.
 * Filtering by kind or by branch happens while reading: a source scans at most
 * {@link #SCAN_LIMIT} rows per page, and when it stops there the page ends at the time it
 * reached (entries of the other sources older than that wait for the next page).
 */
@UseCase
public final class EnvironmentTimeline {

	public static final int PAGE_SIZE = 50;

	public static final int MAX_PAGE = 200;

	/** The most rows one source reads for one page. */
	static final int SCAN_LIMIT = 2000;

	static final int BATCH = 200;

	private final Projects projects;

	private final Environments environments;

	private final AuditLog auditLog;

	private final CodeChanges codeChanges;

	private final Transactions transactions;

	public EnvironmentTimeline(Projects projects, Environments environments, AuditLog auditLog, CodeChanges codeChanges,
			Transactions transactions) {
		this.projects = projects;
		this.environments = environments;
		this.auditLog = auditLog;
		this.codeChanges = codeChanges;
		this.transactions = transactions;
	}

	/**
	 * One page of entries, and the cursor of the next when there are more.
	 * {@code freezesApply} says whether organization-wide freezes are part of this
	 * environment's timeline (production environments).
	 */
	public record Page(Project project, Environment environment, Set<TimelineKind> kinds, List<TimelineEntry> entries,
			@Nullable TimelineCursor next, boolean freezesApply) {
	}

	/**
	 * Reads a page of the environment's timeline, with only the given kinds (all when
	 * empty), from {@code cursor} ({@link TimelineCursor#FIRST} for the newest).
	 */
	public Page read(Caller caller, String projectSlug, String environmentName, Set<TimelineKind> kinds,
			TimelineCursor cursor, int limit) {
		caller.require(Permission.VIEW_PROJECTS);
		Set<TimelineKind> shown = kinds.isEmpty() ? EnumSet.allOf(TimelineKind.class) : EnumSet.copyOf(kinds);
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		String codeSha = (cursor.codeSha() != null) ? cursor.codeSha().strip().toLowerCase(Locale.ROOT) : null;
		if (codeSha != null && !Commit.isSha(codeSha)) {
			throw new ValidationException("sha",
					"Continue from a full commit sha, as the \u201cLoad older\u201d link gave it.");
		}
		OrgId org = caller.orgId();
		return this.transactions.inTenant(org, () -> {
			Project project = this.projects.findBySlug(org, projectSlug)
				.orElseThrow(() -> new NotFoundException("No project \u201c" + projectSlug + "\u201d."));
			Environment environment = this.environments.findByName(org, project.id(), environmentName)
				.orElseThrow(() -> new NotFoundException(
						"No environment \u201c" + environmentName + "\u201d in " + projectSlug + "."));
			boolean freezesApply = environment.tier() == Tier.PRODUCTION;
			List<Source<?>> sources = new ArrayList<>();
			boolean anyAuditKind = shown.stream().anyMatch((kind) -> kind != TimelineKind.CODE);
			Source<Long> audit = new Source<>(cursor.auditSeq(), anyAuditKind,
					auditBatches(org, new AuditFilter(null, null, project.slug(), environment.name(), null, null, null),
							shown, false, environment.timeZone()));
			Source<Long> freezes = new Source<>(cursor.freezeSeq(), freezesApply && shown.contains(TimelineKind.POLICY),
					auditBatches(org, new AuditFilter(null, "freeze", null, null, null, null, null), shown, true,
							environment.timeZone()));
			BranchPattern pattern = BranchPattern.of(environment.branchPattern());
			Source<String> code = new Source<>(codeSha, shown.contains(TimelineKind.CODE),
					codeBatches(org, project, pattern, environment.timeZone()));
			sources.add(audit);
			sources.add(freezes);
			sources.add(code);
			for (Source<?> source : sources) {
				source.scan(size + 1, cursor.before());
			}
			List<TimelineEntry> entries = merge(sources, size);
			boolean more = sources.stream().anyMatch(Source::hasMore);
			TimelineCursor next = null;
			if (more) {
				Instant before = entries.isEmpty() ? cursor.before() : entries.get(entries.size() - 1).at();
				next = new TimelineCursor(before, audit.nextKey(), freezes.nextKey(), code.nextKey());
			}
			return new Page(project, environment, shown, List.copyOf(entries), next, freezesApply);
		});
	}

	private Batches<Long> auditBatches(OrgId org, AuditFilter filter, Set<TimelineKind> shown, boolean organizationWide,
			java.time.ZoneId zone) {
		return (before, count) -> {
			List<AuditEvent> events = this.auditLog.page(org, filter, before, count);
			List<Row<Long>> rows = new ArrayList<>(events.size());
			for (AuditEvent event : events) {
				boolean wanted = (!organizationWide || event.projectSlug() == null)
						&& shown.contains(TimelineText.kindOf(event.action()));
				rows.add(new Row<>(event.seq(), event.at(), wanted ? TimelineText.ofEvent(event, zone) : null));
			}
			return new Batch<>(rows, events.size() < count);
		};
	}

	private Batches<String> codeBatches(OrgId org, Project project, BranchPattern pattern, java.time.ZoneId zone) {
		return (before, count) -> {
			List<CodeChange> changes = this.codeChanges.page(org, project.id(), pattern.exactBranch(), before, count);
			List<Row<String>> rows = new ArrayList<>(changes.size());
			for (CodeChange change : changes) {
				rows.add(new Row<>(change.sha(), change.receivedAt(),
						pattern.matches(change.branch()) ? TimelineText.ofCommit(change, zone) : null));
			}
			return new Batch<>(rows, changes.size() < count);
		};
	}

	/**
	 * Merges the sources newest first (on equal instants: the environment's events, then
	 * freezes, then commits), up to {@code size} entries, without reading past the point
	 * where a source that stopped scanning early could still hold newer entries.
	 */
	private static List<TimelineEntry> merge(List<Source<?>> sources, int size) {
		Instant horizon = null;
		for (Source<?> source : sources) {
			if (source.truncated && source.lastScannedAt != null
					&& (horizon == null || source.lastScannedAt.isAfter(horizon))) {
				horizon = source.lastScannedAt;
			}
		}
		List<TimelineEntry> entries = new ArrayList<>();
		while (entries.size() < size) {
			Source<?> newest = null;
			Row<?> newestHead = null;
			for (Source<?> source : sources) {
				Row<?> head = source.head();
				if (head != null && (newestHead == null || head.at().isAfter(newestHead.at()))) {
					newest = source;
					newestHead = head;
				}
			}
			if (newest == null || newestHead == null || (horizon != null && newestHead.at().isBefore(horizon))) {
				break;
			}
			entries.add(newest.take().entry());
		}
		return entries;
	}

	@FunctionalInterface
	private interface Batches<K> {

		/**
		 * The next rows of the source after {@code before} (from the newest when null).
		 */
		Batch<K> next(@Nullable K before, int count);

	}

	/** Rows read from a source, and whether it has no more after them. */
	private record Batch<K>(List<Row<K>> rows, boolean last) {
	}

	/** A row of a source: its keyset key, its time, and its entry when it is shown. */
	private record Row<K>(K key, Instant at, @Nullable TimelineEntry entry) {
	}

	/** One source of the timeline, read from its cursor in its own order. */
	private static final class Source<K> {

		private final @Nullable K start;

		private final boolean enabled;

		private final Batches<K> batches;

		private final List<Row<K>> matched = new ArrayList<>();

		private int taken;

		private @Nullable K lastScanned;

		private @Nullable Instant lastScannedAt;

		private boolean exhausted;

		private boolean truncated;

		Source(@Nullable K start, boolean enabled, Batches<K> batches) {
			this.start = start;
			this.enabled = enabled;
			this.batches = batches;
		}

		/**
		 * Reads until {@code wanted} entries are found, the source ends, or
		 * {@link #SCAN_LIMIT} rows were read. A source that starts from its newest row
		 * skips rows newer than {@code before}: they arrived after the first page was
		 * read and belong at its top.
		 */
		void scan(int wanted, @Nullable Instant before) {
			if (!this.enabled) {
				this.exhausted = true;
				return;
			}
			K key = this.start;
			boolean fromTop = (this.start == null);
			int scanned = 0;
			while (true) {
				Batch<K> batch = this.batches.next(key, BATCH);
				for (Row<K> row : batch.rows()) {
					scanned++;
					key = row.key();
					this.lastScanned = key;
					this.lastScannedAt = row.at();
					if (row.entry() != null && !(fromTop && before != null && row.at().isAfter(before))) {
						this.matched.add(row);
						if (this.matched.size() >= wanted) {
							return;
						}
					}
				}
				if (batch.last()) {
					this.exhausted = true;
					return;
				}
				if (scanned >= SCAN_LIMIT) {
					this.truncated = true;
					return;
				}
			}
		}

		@Nullable Row<K> head() {
			return (this.taken < this.matched.size()) ? this.matched.get(this.taken) : null;
		}

		Row<K> take() {
			return this.matched.get(this.taken++);
		}

		boolean hasMore() {
			return this.taken < this.matched.size() || !this.exhausted;
		}

		/**
		 * Where the next page continues: after everything read when every entry found was
		 * shown, else after the last entry shown (or where this page started).
		 */
		@Nullable K nextKey() {
			if (!this.enabled) {
				return this.start;
			}
			if (this.taken == this.matched.size()) {
				return (this.lastScanned != null) ? this.lastScanned : this.start;
			}
			return (this.taken > 0) ? this.matched.get(this.taken - 1).key() : this.start;
		}

	}

}
