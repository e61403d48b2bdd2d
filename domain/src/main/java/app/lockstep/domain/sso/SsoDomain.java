package app.lockstep.domain.sso;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An email domain an organization claims, with the token its DNS must publish (a TXT
 * record {@code lockstep-verification=<token>}) before people at that domain may join
 * through the organization's single sign-on.
 */
public record SsoDomain(String domain, String verificationToken, Instant addedAt, @Nullable Instant verifiedAt) {

	/** The TXT record the domain must publish. */
	public String txtRecord() {
		return "lockstep-verification=" + this.verificationToken;
	}

	public boolean verified() {
		return this.verifiedAt != null;
	}

}
