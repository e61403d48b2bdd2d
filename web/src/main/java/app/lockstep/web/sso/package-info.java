/**
 * Single sign-on with OpenID Connect per organization: the owners' settings page, the
 * client registrations read from the database, the sign-in through Spring Security's
 * OAuth2 client, and the DNS check of email domains (decision 32).
 */
@NullMarked
package app.lockstep.web.sso;

import org.jspecify.annotations.NullMarked;
