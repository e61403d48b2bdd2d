package app.lockstep.web.window.api;

import java.time.Instant;
import java.util.List;

import app.lockstep.domain.window.Freeze;
import app.lockstep.domain.window.ViewDeploymentWindows;
import app.lockstep.domain.window.WindowDecision;
import app.lockstep.domain.window.WindowRules;
import app.lockstep.domain.window.WindowRulesInput;
import org.jspecify.annotations.Nullable;

/**
 * An environment's windows as the API answers: the rules in the shape a PUT sends,
 * whether they are the tier's default, the organization freezes that apply, and the
 * decision now.
 */
record WindowsJson(String timeZone, List<BlockJson> blocks, List<HoursJson> allowedHours, List<FreezeJson> freezes,
		List<FreezeJson> organizationFreezes, boolean defaultRules, NowJson now) {

	record BlockJson(String label, List<String> days, String from, String to) {
	}

	record HoursJson(List<String> days, String from, String to) {
	}

	record FreezeJson(String start, String end, String reason) {

		static FreezeJson of(Freeze freeze) {
			return new FreezeJson(freeze.start().toString(), freeze.end().toString(), freeze.reason());
		}

	}

	/**
	 * Whether the environment is open at {@code at}; {@code summary} says it in words.
	 */
	record NowJson(String at, boolean open, @Nullable String blockedBy, @Nullable String nextOpenAt,
			@Nullable String openUntil, String summary) {

		static NowJson of(Instant at, WindowDecision decision, String summary) {
			return new NowJson(at.toString(), decision.open(), decision.blockedBy(), text(decision.nextOpenAt()),
					text(decision.openUntil()), summary);
		}

		private static @Nullable String text(@Nullable Instant instant) {
			return (instant != null) ? instant.toString() : null;
		}

	}

	static WindowsJson of(ViewDeploymentWindows.Overview overview) {
		WindowRules rules = overview.rules();
		return new WindowsJson(rules.timeZone().getId(),
				rules.blocks()
					.stream()
					.map((block) -> new BlockJson(block.label(), WindowRulesInput.dayNames(block.days()),
							WindowRulesInput.format(block.from()), WindowRulesInput.formatEnd(block.to())))
					.toList(),
				rules.allowedHours()
					.stream()
					.map((hours) -> new HoursJson(WindowRulesInput.dayNames(hours.days()),
							WindowRulesInput.format(hours.from()), WindowRulesInput.formatEnd(hours.to())))
					.toList(),
				overview.rules().freezes().stream().map(FreezeJson::of).toList(),
				overview.windows().organizationFreezes().stream().map(FreezeJson::of).toList(),
				overview.windows().defaultRules(), NowJson.of(overview.now(), overview.decision(), overview.summary()));
	}

}
