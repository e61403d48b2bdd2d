package app.lockstep.domain.window;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rules that apply to one environment: the organization's windows for production
 * where they apply ({@code fromOrganization}; {@code locked} when environments may not
 * override them), else its saved rules (or the default for its tier), and, for
 * production, the organization's freezes. {@code updatedAt}/{@code updatedBy} are null
 * for the default.
 */
public record EffectiveWindows(WindowRules rules, boolean defaultRules, List<Freeze> organizationFreezes,
		@Nullable Instant updatedAt, @Nullable String updatedBy, boolean fromOrganization, boolean locked) {

	public EffectiveWindows {
		organizationFreezes = List.copyOf(organizationFreezes);
	}

	/** The environment's own (saved or default) rules, nothing from the organization. */
	public EffectiveWindows(WindowRules rules, boolean defaultRules, List<Freeze> organizationFreezes,
			@Nullable Instant updatedAt, @Nullable String updatedBy) {
		this(rules, defaultRules, organizationFreezes, updatedAt, updatedBy, false, false);
	}

	/**
	 * What applies given the environment's own rules and the organization's windows (null
	 * when it has none or they do not apply here).
	 */
	static EffectiveWindows resolve(EffectiveWindows own, @Nullable OrganizationWindows organization) {
		if (organization == null || (organization.overridable() && !own.defaultRules())) {
			return own;
		}
		return new EffectiveWindows(organization.rules(), false, own.organizationFreezes(), organization.updatedAt(),
				organization.updatedBy(), true, !organization.overridable());
	}

	public WindowDecision evaluate(Instant at) {
		return FreezeCalendar.evaluate(this.rules, this.organizationFreezes, at);
	}

	/**
	 * The rule closing {@code at}, or null when it is open: {@link #evaluate}'s
	 * {@code blockedBy} without the search for when that changes, for a question asked of
	 * hundreds of past instants at once (the change report's "started inside its
	 * windows?").
	 */
	public @Nullable String closedBy(Instant at) {
		Closure closure = FreezeCalendar.closureAt(this.rules, this.organizationFreezes, at);
		return (closure != null) ? closure.label() : null;
	}

	public List<CalendarDay> days(LocalDate from, int count) {
		return FreezeCalendar.days(this.rules, this.organizationFreezes, from, count);
	}

}
