package app.lockstep.domain.window;

import java.time.Instant;
import java.time.LocalTime;

/**
 * A closed stretch of one calendar day: from {@code start} until {@code end}, shown on
 * the wall clock as {@code from}–{@code to} (a {@code to} of 00:00 is 24:00, the end of
 * the day). Spans never cross a daylight-saving change that turns the clock back, so
 * {@code from} is always before {@code to}.
 */
public record ClosedSpan(Instant start, Instant end, LocalTime from, LocalTime to, Closure.Kind kind, String label) {

	/** Minutes from the start of the wall-clock day, for drawing. */
	public int fromMinute() {
		return this.from.getHour() * 60 + this.from.getMinute();
	}

	/** Minutes from the start of the wall-clock day (1440 for 24:00), for drawing. */
	public int toMinute() {
		if (this.to.equals(LocalTime.MIDNIGHT)) {
			return 24 * 60;
		}
		int minute = this.to.getHour() * 60 + this.to.getMinute();
		return (this.to.getSecond() > 0 || this.to.getNano() > 0) ? minute + 1 : minute;
	}

}
