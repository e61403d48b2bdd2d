package app.lockstep.web.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests set and advance; it follows real time until a test pins it. */
public final class MutableClock extends Clock {

	private volatile Instant pinned;

	public void pin(Instant instant) {
		this.pinned = instant;
	}

	public void advance(Duration duration) {
		this.pinned = instant().plus(duration);
	}

	public void release() {
		this.pinned = null;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		Instant instant = this.pinned;
		return (instant != null) ? instant : Instant.now(Clock.systemUTC());
	}

}
