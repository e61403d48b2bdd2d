package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A recurring block such as "No Friday deploys": on each of its days, closed while the
 * wall clock of the rules' time zone shows a time in {@code [from, to)}. A {@code to} of
 * {@link LocalTime#MIDNIGHT} means 24:00, the end of the day (the next local midnight).
 */
public record Block(String label, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

	public Block {
		days = DaySets.copy(days);
	}

	/** Whether the block ends at the end of the day ("24:00"). */
	public boolean untilEndOfDay() {
		return this.to.equals(LocalTime.MIDNIGHT);
	}

	boolean covers(DayOfWeek day, LocalTime time) {
		return this.days.contains(day) && DaySets.within(time, this.from, this.to);
	}

}
