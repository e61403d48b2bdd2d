/**
 * Single sign-on with OpenID Connect, per organization: its provider, its verified email
 * domains, and people joining through them (decision 32).
 */
@NullMarked
package app.lockstep.domain.sso;

import org.jspecify.annotations.NullMarked;
