package app.lockstep.web.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Another way for people to sign in, beside the password form, added to the browser chain
 * of {@link SecurityConfiguration} by the feature that owns it (such as single sign-on),
 * so the security configuration stays one small file.
 */
public interface LoginMethod {

	/** Adds the method's filters and handlers; the routes it serves must be public. */
	void configure(HttpSecurity http) throws Exception;

}
