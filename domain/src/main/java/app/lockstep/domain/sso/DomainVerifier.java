package app.lockstep.domain.sso;

import java.util.List;

/**
 * The DNS, seen from Lockstep: the TXT records a domain publishes. Something we do not
 * own, so tests replace it at this edge (decision 32).
 */
public interface DomainVerifier {

	/**
	 * The domain's TXT records, each as one string; empty when it has none or does not
	 * exist.
	 * @throws DomainVerifier.LookupFailedException when the DNS could not be asked
	 */
	List<String> txtRecords(String domain);

	/** The DNS did not answer (timeout, no server). */
	final class LookupFailedException extends RuntimeException {

		public LookupFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
