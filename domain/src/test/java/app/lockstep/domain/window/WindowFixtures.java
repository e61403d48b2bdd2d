package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** Short ways to write rules in tests. */
final class WindowFixtures {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private WindowFixtures() {
	}

	static Block block(String label, String from, String to, DayOfWeek... days) {
		return new Block(label, EnumSet.copyOf(List.of(days)), time(from), time(to));
	}

	static AllowedHours hours(String from, String to, DayOfWeek... days) {
		return new AllowedHours(EnumSet.copyOf(List.of(days)), time(from), time(to));
	}

	static Freeze freeze(String start, String end, String reason) {
		return new Freeze(Instant.parse(start), Instant.parse(end), reason);
	}

	static WindowRules rules(ZoneId zone, List<Block> blocks, List<AllowedHours> hours, List<Freeze> freezes) {
		return new WindowRules(zone, blocks, hours, freezes);
	}

	static WindowRules blocks(ZoneId zone, Block... blocks) {
		return new WindowRules(zone, List.of(blocks), List.of(), List.of());
	}

	static LocalTime time(String text) {
		return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
	}

	static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
