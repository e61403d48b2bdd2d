package app.lockstep.domain.window;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of the calendar strip, in the rules' time zone, with its closed stretches in
 * order.
 */
public record CalendarDay(LocalDate date, List<ClosedSpan> closed) {

	public CalendarDay {
		closed = List.copyOf(closed);
	}

	public boolean openAllDay() {
		return this.closed.isEmpty();
	}

}
