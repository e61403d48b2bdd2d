package app.lockstep.domain.audit;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Walks a chain one event at a time in sequence order, in constant memory: each event
 * must come right after the previous one, name its hash as {@code prevHash} and hash to
 * what it carries. The first event that does not is where the chain is broken. Feed it
 * with {@link #accept}, then ask {@link #finish}.
 */
public final class ChainVerifier {

	private long expectedSeq;

	private String previousHash;

	private final long firstSeq;

	private long events;

	private ChainVerification.@Nullable Broken broken;

	private final NavigableMap<Long, String> checkpoints = new TreeMap<>();

	/** A verifier for a whole chain, from the genesis. */
	public ChainVerifier() {
		this(1, AuditChain.GENESIS);
	}

	/**
	 * A verifier for the part of a chain that starts at {@code firstSeq}, trusting
	 * {@code prevHash} as the hash of the event before it.
	 */
	public ChainVerifier(long firstSeq, String prevHash) {
		this.firstSeq = firstSeq;
		this.expectedSeq = firstSeq;
		this.previousHash = prevHash;
	}

	/**
	 * Signed checkpoints the chain must agree with: sequence number to the hash it
	 * vouches for.
	 */
	public ChainVerifier withCheckpoints(Map<Long, String> signedHashes) {
		this.checkpoints.putAll(signedHashes);
		return this;
	}

	/**
	 * The next event in sequence order, with its canonical JSON. Answers false once the
	 * chain is broken (there is no need to read further).
	 */
	public boolean accept(long seq, String prevHash, String hash, String canonicalJson) {
		if (this.broken != null) {
			return false;
		}
		if (seq != this.expectedSeq) {
			return fail(Math.min(seq, this.expectedSeq), (seq > this.expectedSeq)
					? "Event " + this.expectedSeq + " is missing: the chain goes from " + (this.expectedSeq - 1)
							+ " to " + seq + "."
					: "Event " + seq + " is out of order: it comes after event " + (this.expectedSeq - 1) + ".");
		}
		if (!prevHash.equals(this.previousHash)) {
			return fail(seq,
					(seq == 1) ? "Event 1 does not start from the genesis hash (64 zeros)."
							: "Event " + seq + " does not link to event " + (seq - 1)
									+ ": its prevHash is not the hash of event " + (seq - 1)
									+ " (an event was moved, replaced or removed).");
		}
		String recomputed = AuditChain.hash(prevHash, canonicalJson);
		if (!recomputed.equals(hash)) {
			return fail(seq, "Event " + seq + " was altered: its content does not match its hash.");
		}
		String signed = this.checkpoints.get(seq);
		if (signed != null && !signed.equals(hash)) {
			return fail(seq, "Event " + seq + " differs from what a signed checkpoint vouches for.");
		}
		this.previousHash = hash;
		this.expectedSeq = seq + 1;
		this.events++;
		return true;
	}

	/**
	 * The outcome, once every event was fed. With a head (what the database records as
	 * the newest event), a chain that ends early or elsewhere is broken too.
	 */
	public ChainVerification finish(@Nullable ChainHead head) {
		if (this.broken != null) {
			return this.broken;
		}
		long lastSeq = this.expectedSeq - 1;
		if (head != null) {
			if (head.seq() > lastSeq) {
				return new ChainVerification.Broken(lastSeq + 1, "Event " + (lastSeq + 1)
						+ " is missing: the chain ends at " + lastSeq + " but its head records " + head.seq() + ".");
			}
			if (head.seq() < lastSeq) {
				return new ChainVerification.Broken(head.seq() + 1,
						"Event " + (head.seq() + 1) + " lies beyond the head (" + head.seq() + ").");
			}
			if (!head.hash().equals(this.previousHash)) {
				return new ChainVerification.Broken(Math.max(1, lastSeq),
						"Event " + lastSeq + " is not the head the database records (its hash differs).");
			}
		}
		Map.Entry<Long, String> beyond = this.checkpoints.higherEntry(lastSeq);
		if (beyond != null) {
			return new ChainVerification.Broken(lastSeq + 1, "Event " + (lastSeq + 1)
					+ " is missing: a signed checkpoint vouches for event " + beyond.getKey() + ".");
		}
		return new ChainVerification.Verified(this.events, lastSeq, this.previousHash);
	}

	/** Where the walk started (1 for a whole chain). */
	public long firstSeq() {
		return this.firstSeq;
	}

	private boolean fail(long seq, String reason) {
		this.broken = new ChainVerification.Broken(seq, reason);
		return false;
	}

}
