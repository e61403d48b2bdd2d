/** API tokens in the browser: list, create (shown once), revoke. */
@NullMarked
package app.lockstep.web.token;

import org.jspecify.annotations.NullMarked;
