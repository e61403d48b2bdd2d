/** Deployment windows and organization-wide freezes as JSON. */
@NullMarked
package app.lockstep.web.window.api;

import org.jspecify.annotations.NullMarked;
