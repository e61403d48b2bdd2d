/** API tokens as JSON: create (201, the secret once), list, revoke. */
@NullMarked
package app.lockstep.web.token.api;

import org.jspecify.annotations.NullMarked;
