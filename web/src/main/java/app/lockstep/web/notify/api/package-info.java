/**
 * Notifications in the browser and the API: the channels and delivery log as JSON.
 */
@NullMarked
package app.lockstep.web.notify.api;

import org.jspecify.annotations.NullMarked;
