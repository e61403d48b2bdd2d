package app.lockstep.domain.sso;

/**
 * Signing in through single sign-on was refused; the reason is shown on the login page.
 * Not a {@link app.lockstep.domain.shared.DomainException}: it happens before anyone is
 * signed in, inside the sign-in, and is answered there.
 */
public final class SsoRefusal extends RuntimeException {

	/** Why, each with its words for the person. */
	public enum Reason {

		NO_PROVIDER("Single sign-on is not set up for that organization or email domain. Log in with your password, "
				+ "or ask your organization's owner."),

		EMAIL_NOT_VERIFIED("Your identity provider has not verified your email address, so Lockstep cannot "
				+ "trust it. Verify it with your provider, then try again."),

		DOMAIN_NOT_VERIFIED("Your email address is not at a domain this organization has verified for single "
				+ "sign-on. Ask its owner to add and verify your domain, or log in with your password."),

		NO_EMAIL("Your identity provider did not tell Lockstep your email address. Ask your organization's owner "
				+ "to let the provider share the email scope.");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		public String message() {
			return this.message;
		}

	}

	private final Reason reason;

	public SsoRefusal(Reason reason) {
		super(reason.message());
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
