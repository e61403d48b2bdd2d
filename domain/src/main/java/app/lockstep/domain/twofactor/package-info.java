/**
 * Two-factor authentication for password accounts: time-based one-time passwords (RFC
 * 6238) with single-use recovery codes, the secret sealed at rest, and codes locked out
 * like passwords.
 */
@NullMarked
package app.lockstep.domain.twofactor;

import org.jspecify.annotations.NullMarked;
