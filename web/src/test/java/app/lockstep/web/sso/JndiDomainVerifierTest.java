package app.lockstep.web.sso;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a TXT record's text comes out of JNDI's answer: one string as it is, several quoted
 * strings joined (a record longer than 255 characters is split so), escapes undone. The
 * DNS itself is not asked here (tests have no network; decision 32).
 */
class JndiDomainVerifierTest {

	@Test
	void aRecordsStringsAreJoinedAndUnquoted() {
		assertThat(JndiDomainVerifier.joined("lockstep-verification=abc")).isEqualTo("lockstep-verification=abc");
		assertThat(JndiDomainVerifier.joined("\"lockstep-verification=abc\"")).isEqualTo("lockstep-verification=abc");
		assertThat(JndiDomainVerifier.joined("\"lockstep-verification=\" \"abc\""))
			.isEqualTo("lockstep-verification=abc");
		assertThat(JndiDomainVerifier.joined("\"say \\\"hi\\\"\"")).isEqualTo("say \"hi\"");
	}

}
