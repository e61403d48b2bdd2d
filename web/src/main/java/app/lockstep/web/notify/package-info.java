/**
 * Notifications in the browser and the API: the channels page with its delivery log, the
 * sender for Slack, Teams, signed webhooks and email, and the scheduler that sends.
 */
@NullMarked
package app.lockstep.web.notify;

import org.jspecify.annotations.NullMarked;
