package app.lockstep.domain.window;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import app.lockstep.domain.project.Tier;

/**
 * When an environment may be deployed: recurring blocks and allowed hours read in
 * {@code timeZone} (daylight-saving changes included), and one-off freezes. No rules at
 * all means open at any time.
 */
public record WindowRules(ZoneId timeZone, List<Block> blocks, List<AllowedHours> allowedHours, List<Freeze> freezes) {

	/**
	 * The label of the block every production environment has until its rules are saved.
	 */
	public static final String NO_FRIDAY_DEPLOYS = "No Friday deploys";

	/**
	 * The label of the weekend block that goes with {@link #NO_FRIDAY_DEPLOYS} by
	 * default.
	 */
	public static final String NO_WEEKEND_DEPLOYS = "No weekend deploys";

	public WindowRules {
		blocks = List.copyOf(blocks);
		allowedHours = List.copyOf(allowedHours);
		freezes = List.copyOf(freezes);
	}

	/** Open at any time. */
	public static WindowRules open(ZoneId timeZone) {
		return new WindowRules(timeZone, List.of(), List.of(), List.of());
	}

	/**
	 * The rules of an environment whose rules were never saved: for production "No Friday
	 * deploys" (all Friday in its time zone) and, with it, "No weekend deploys" (Saturday
	 * and Sunday), so that a Friday is blocked until Monday 00:00; open at any time for
	 * the other tiers. This is how new production environments get "No Friday deploys" by
	 * default: nothing is stored until someone saves the environment's rules.
	 */
	public static WindowRules defaultFor(Tier tier, ZoneId timeZone) {
		if (tier != Tier.PRODUCTION) {
			return open(timeZone);
		}
		return new WindowRules(timeZone,
				List.of(new Block(NO_FRIDAY_DEPLOYS, Set.of(DayOfWeek.FRIDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
						new Block(NO_WEEKEND_DEPLOYS, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT,
								LocalTime.MIDNIGHT)),
				List.of(), List.of());
	}

	/** Whether the recurring part (blocks, allowed hours) can ever close. */
	boolean recurring() {
		return !this.blocks.isEmpty() || !this.allowedHours.isEmpty();
	}

}
