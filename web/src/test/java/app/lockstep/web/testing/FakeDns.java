package app.lockstep.web.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.lockstep.domain.sso.DomainVerifier;

import org.springframework.context.annotation.Primary;

/**
 * The DNS as the tests publish it: the one edge of single sign-on we do not own (decision
 * 32). A test publishes a domain's TXT records and withdraws them afterwards; the real
 * {@code JndiDomainVerifier} is never asked.
 */
@Primary
public class FakeDns implements DomainVerifier {

	private final Map<String, List<String>> txt = new ConcurrentHashMap<>();

	public void publishTxt(String domain, String record) {
		this.txt.merge(domain, List.of(record),
				(old, added) -> java.util.stream.Stream.concat(old.stream(), added.stream()).toList());
	}

	public void withdraw(String domain) {
		this.txt.remove(domain);
	}

	@Override
	public List<String> txtRecords(String domain) {
		return this.txt.getOrDefault(domain, List.of());
	}

}
