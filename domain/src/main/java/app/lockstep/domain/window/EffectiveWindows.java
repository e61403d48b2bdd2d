package app.lockstep.domain.window;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rules that apply to one environment: its saved rules (or the default for its tier)
 * and, for production, the organization's freezes. {@code updatedAt}/{@code updatedBy}
 * are null for the default.
 */
public record EffectiveWindows(WindowRules rules, boolean defaultRules, List<Freeze> organizationFreezes,
		@Nullable Instant updatedAt, @Nullable String updatedBy) {

	public EffectiveWindows {
		organizationFreezes = List.copyOf(organizationFreezes);
	}

	public WindowDecision evaluate(Instant at) {
		return FreezeCalendar.evaluate(this.rules, this.organizationFreezes, at);
	}

	public List<CalendarDay> days(LocalDate from, int count) {
		return FreezeCalendar.days(this.rules, this.organizationFreezes, from, count);
	}

}
