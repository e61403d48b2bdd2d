/**
 * Deployment windows in the browser: the status card on the environment page (words and
 * the 14-day strip), the windows editor and the organization-wide freezes page.
 */
@NullMarked
package app.lockstep.web.window;

import org.jspecify.annotations.NullMarked;
