/**
 * Deployment windows: when an environment may be deployed. Recurring blocks ("No Friday
 * deploys") and allowed hours are read on the wall clock of the rules' time zone; freezes
 * are one-off ranges of instants. {@link app.lockstep.domain.window.FreezeCalendar} is
 * the one function that decides, {@link app.lockstep.domain.window.WindowCheck} the query
 * other features use.
 */
@NullMarked
package app.lockstep.domain.window;

import org.jspecify.annotations.NullMarked;
