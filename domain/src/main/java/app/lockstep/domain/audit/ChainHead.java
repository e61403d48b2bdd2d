package app.lockstep.domain.audit;

/**
 * The last link of an organization's chain as the database records it: the sequence
 * number and hash of its newest event ({@code 0} and {@link AuditChain#GENESIS} before
 * the first).
 */
public record ChainHead(long seq, String hash) {

	public static final ChainHead EMPTY = new ChainHead(0, AuditChain.GENESIS);

}
