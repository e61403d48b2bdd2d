/**
 * Code changes and artifacts on pages: the project's settings page (push webhook URLs,
 * secret, recent deliveries) and its commits page.
 */
@NullMarked
package app.lockstep.web.code;

import org.jspecify.annotations.NullMarked;
