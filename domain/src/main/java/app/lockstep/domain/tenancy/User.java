package app.lockstep.domain.tenancy;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A person's account. Failed logins are counted per email address, apart from accounts
 * (see {@link LoginAttempts}). No password hash: the person signs in only through their
 * organization's single sign-on.
 */
public record User(UserId id, String email, String name, @Nullable String passwordHash, @Nullable OrgId lastOrg) {

}
