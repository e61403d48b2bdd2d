package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * Allow-only hours: when an environment has any, it is open only while the wall clock of
 * the rules' time zone shows a time in {@code [from, to)} on one of their days. A
 * {@code to} of {@link LocalTime#MIDNIGHT} means 24:00, the end of the day.
 */
public record AllowedHours(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

	public AllowedHours {
		days = DaySets.copy(days);
	}

	public boolean untilEndOfDay() {
		return this.to.equals(LocalTime.MIDNIGHT);
	}

	boolean covers(DayOfWeek day, LocalTime time) {
		return this.days.contains(day) && DaySets.within(time, this.from, this.to);
	}

}
