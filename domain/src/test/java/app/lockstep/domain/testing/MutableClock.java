package app.lockstep.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it: {@link #set} or {@link #advance}. Use
 * cases read "now" from the clock they are given, so a test controls every instant they
 * record or compare.
 */
public final class MutableClock extends Clock {

	private Instant now;

	private final ZoneId zone;

	public MutableClock(Instant now) {
		this(now, ZoneOffset.UTC);
	}

	private MutableClock(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/** A clock at {@code instant}, such as {@code "2026-12-01T09:00:00Z"}. */
	public static MutableClock at(String instant) {
		return new MutableClock(Instant.parse(instant));
	}

	public void set(Instant instant) {
		this.now = instant;
	}

	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	/** A clock of another zone that still follows this one's instant. */
	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock outer = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return outer.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return outer.withZone(other);
			}

		};
	}

}
