package app.lockstep.web.window.api;

import java.util.List;

import app.lockstep.domain.window.WindowRulesInput;
import org.jspecify.annotations.Nullable;

/**
 * The body of PUT …/windows: the whole rules, replacing the saved ones. A missing
 * timeZone is the environment's; a missing list is empty ({@code []} for allowedHours
 * means any time).
 */
record WindowsRequest(@Nullable String timeZone, @Nullable List<Block> blocks, @Nullable List<Hours> allowedHours,
		@Nullable List<Freeze> freezes) {

	record Block(@Nullable String label, @Nullable List<String> days, @Nullable String from, @Nullable String to) {
	}

	record Hours(@Nullable List<String> days, @Nullable String from, @Nullable String to) {
	}

	record Freeze(@Nullable String start, @Nullable String end, @Nullable String reason) {

		WindowRulesInput.FreezeInput toInput() {
			return new WindowRulesInput.FreezeInput(this.start, this.end, this.reason);
		}

	}

	WindowRulesInput toInput() {
		return new WindowRulesInput(this.timeZone, (this.blocks != null) ? this.blocks.stream()
			.map((block) -> (block != null)
					? new WindowRulesInput.BlockInput(block.label(), block.days(), block.from(), block.to()) : null)
			.toList() : null,
				(this.allowedHours != null) ? this.allowedHours.stream()
					.map((hours) -> (hours != null)
							? new WindowRulesInput.HoursInput(hours.days(), hours.from(), hours.to()) : null)
					.toList() : null,
				(this.freezes != null)
						? this.freezes.stream().map((freeze) -> (freeze != null) ? freeze.toInput() : null).toList()
						: null);
	}

}
