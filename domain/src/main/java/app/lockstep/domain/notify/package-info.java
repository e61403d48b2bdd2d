/**
 * Notifications: channels (Slack, Microsoft Teams, signed webhooks, email) that an
 * organization points at the events it wants to hear about, the notices enqueued in the
 * transaction of the change they tell about, and their delivery with retries.
 */
@NullMarked
package app.lockstep.domain.notify;

import org.jspecify.annotations.NullMarked;
