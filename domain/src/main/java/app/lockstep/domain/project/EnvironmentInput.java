package app.lockstep.domain.project;

import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * What a person or a client types for an environment; fields left null are not being
 * changed.
 */
public record EnvironmentInput(@Nullable String name, @Nullable String tier, @Nullable Integer position,
		@Nullable String branchPattern, @Nullable String timeZone) {

	void validate(Validation validation, boolean creating) {
		if (creating || this.name != null) {
			validation.slug("name", this.name);
		}
		if (creating || this.tier != null) {
			validation.check(parseTier(this.tier) != null, "tier",
					"Choose a tier: DEVELOPMENT, STAGING or PRODUCTION.");
		}
		if (this.position != null) {
			validation.check(this.position >= 1, "position", "The position in the promotion order starts at 1.");
		}
		if (this.branchPattern != null && !this.branchPattern.isBlank()) {
			validation.check(this.branchPattern.length() <= 200 && !this.branchPattern.strip().contains(" "),
					"branchPattern", "A branch pattern is one git branch name or glob, such as main or release/*.");
		}
		if (this.timeZone != null && !this.timeZone.isBlank()) {
			validation.timeZone("timeZone", this.timeZone);
		}
	}

	static @Nullable Tier parseTier(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Tier.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
