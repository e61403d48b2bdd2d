package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Days kept in week order, and times of day with "24:00" as the end of the day. */
final class DaySets {

	private DaySets() {
	}

	static Set<DayOfWeek> copy(Set<DayOfWeek> days) {
		return Collections.unmodifiableSet(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
	}

	/** {@code time} in {@code [from, to)}, where a {@code to} of 00:00 means 24:00. */
	static boolean within(LocalTime time, LocalTime from, LocalTime to) {
		return !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
	}

}
