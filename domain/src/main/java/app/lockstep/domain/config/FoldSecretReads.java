package app.lockstep.domain.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Folds the recorded secret reads into the audit chain: one {@code config.secrets_read}
 * event per reader, environment and revision, with how many reads, the first and the
 * last, and from which addresses. The events and the deletion of the reads they count
 * commit together, so a read is counted exactly once however many instances fold at the
 * same time (each locks the reads it folds and skips those locked by another) and
 * whenever one is killed (its transaction rolls back; the reads wait for the next fold).
 */
@UseCase
public final class FoldSecretReads {

	static final int BATCH = 5_000;

	private static final int MAX_ADDRESSES = 20;

	private final SecretReads reads;

	private final AuditLog auditLog;

	private final Transactions transactions;

	public FoldSecretReads(SecretReads reads, AuditLog auditLog, Transactions transactions) {
		this.reads = reads;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	/**
	 * How many reads were folded into how many audit events (from how many records: reads
	 * recorded together are one).
	 */
	public record Folded(int reads, int events, int records) {
	}

	public Folded foldAll() {
		int reads = 0;
		int events = 0;
		int records = 0;
		List<OrgId> organizations = this.transactions.forScheduler(() -> this.reads.organizationsWithPending(1_000));
		for (OrgId org : organizations) {
			Folded folded;
			do {
				folded = fold(org);
				reads += folded.reads();
				events += folded.events();
				records += folded.records();
			}
			while (folded.records() == BATCH);
		}
		return new Folded(reads, events, records);
	}

	/** One batch of one organization's reads. */
	public Folded fold(OrgId org) {
		return this.transactions.inTenant(org, () -> {
			List<SecretRead> batch = this.reads.lockPending(org, BATCH);
			Map<Key, List<SecretRead>> groups = new LinkedHashMap<>();
			batch.stream()
				.sorted(Comparator.comparingLong(SecretRead::id))
				.forEach((read) -> groups.computeIfAbsent(Key.of(read), (k) -> new ArrayList<>()).add(read));
			groups.forEach((key, group) -> this.auditLog.append(org, actor(key, group), entry(key, group)));
			this.reads.delete(org, batch.stream().map(SecretRead::id).toList());
			return new Folded(batch.stream().mapToInt(SecretRead::reads).sum(), groups.size(), batch.size());
		});
	}

	private static Actor actor(Key key, List<SecretRead> group) {
		Set<@Nullable String> addresses = new LinkedHashSet<>();
		group.forEach((read) -> addresses.add(read.actor().ip()));
		String ip = (addresses.size() == 1) ? addresses.iterator().next() : null;
		return new Actor(key.actorType(), key.actorId(), key.actorName(), ip);
	}

	private static AuditEntry entry(Key key, List<SecretRead> group) {
		Set<String> secrets = new LinkedHashSet<>();
		Set<String> addresses = new LinkedHashSet<>();
		Instant first = group.get(0).readAt();
		Instant last = group.get(0).lastReadAt();
		int reads = 0;
		for (SecretRead read : group) {
			secrets.addAll(read.sensitiveVariables());
			if (read.actor().ip() != null && addresses.size() < MAX_ADDRESSES) {
				addresses.add(read.actor().ip());
			}
			first = read.readAt().isBefore(first) ? read.readAt() : first;
			last = read.lastReadAt().isAfter(last) ? read.lastReadAt() : last;
			reads += read.reads();
		}
		return AuditEntry.of("config.secrets_read", "environment", key.environment().toString())
			.project(key.project())
			.environment(key.environmentName())
			.detail("revision", key.revision())
			.detail("projectRevision", key.projectRevision())
			.detail("reads", reads)
			.detail("firstReadAt", first.toString())
			.detail("lastReadAt", last.toString())
			.detail("addresses", List.copyOf(addresses))
			.detail("sensitiveVariables", List.copyOf(secrets))
			.build();
	}

	private record Key(Actor.Type actorType, @Nullable String actorId, String actorName, EnvironmentId environment,
			String project, String environmentName, int revision, int projectRevision) {

		static Key of(SecretRead read) {
			Actor actor = read.actor();
			return new Key(actor.type(), actor.id(), actor.name(), read.environment(), read.project(),
					read.environmentName(), read.revision(), read.projectRevision());
		}

	}

}
