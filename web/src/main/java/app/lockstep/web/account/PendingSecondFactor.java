package app.lockstep.web.account;

import java.time.Instant;
import java.util.List;

import app.lockstep.web.shared.SignedInUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session whose password was right for a person with two-factor authentication, still
 * waiting for their code. It is not a signed-in person: its principal is only the email
 * (so {@code CurrentUser} and the organization check find nobody), its one authority is
 * {@link #AUTHORITY}, and {@link SecondFactorGate} lets it reach nothing but the code
 * page, logging in again and logging out. The code page then signs the person in for real
 * with a new session id.
 */
public final class PendingSecondFactor extends AbstractAuthenticationToken {

	public static final String AUTHORITY = "PENDING_SECOND_FACTOR";

	private final SignedInUser user;

	private final Instant since;

	PendingSecondFactor(SignedInUser user, Instant since) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		user.eraseCredentials();
		this.user = user;
		this.since = since;
		setAuthenticated(true);
	}

	/** Whether this request's authentication still waits for a second factor. */
	public static boolean waiting(@Nullable Authentication authentication) {
		return authentication instanceof PendingSecondFactor;
	}

	SignedInUser user() {
		return this.user;
	}

	/** When the password was checked: the code must follow within a few minutes. */
	Instant since() {
		return this.since;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.user.email();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof PendingSecondFactor that && super.equals(that) && this.user.id().equals(that.user.id())
				&& this.since.equals(that.since);
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + this.user.id().hashCode();
	}

}
