package app.lockstep.web.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in person of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static SignedInUser required() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return user;
		}
		throw new IllegalStateException("No signed-in user for this request");
	}

	public static java.util.Optional<SignedInUser> optional() {
		return java.util.Optional.ofNullable(OrgAccessInterceptor.signedInUser());
	}

}
