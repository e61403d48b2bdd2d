package app.lockstep.domain.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored (never its secret): whose it is, what it may do, where, and
 * until when. Scopes are kept in their declared order, without duplicates.
 */
public record ApiToken(OrgId org, UUID id, String name, String prefix, List<Scope> scopes, @Nullable String projectSlug,
		@Nullable String environmentName, UserId createdBy, String createdByName, Instant createdAt,
		@Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

	public ApiToken {
		scopes = scopes.stream().distinct().sorted().toList();
	}

	public enum Status {

		ACTIVE("Active"), EXPIRED("Expired"), REVOKED("Revoked");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public Status statusAt(Instant now) {
		if (this.revokedAt != null) {
			return Status.REVOKED;
		}
		if (this.expiresAt != null && !this.expiresAt.isAfter(now)) {
			return Status.EXPIRED;
		}
		return Status.ACTIVE;
	}

	public boolean has(Scope scope) {
		return this.scopes.contains(scope);
	}

	public List<String> scopeValues() {
		return this.scopes.stream().map(Scope::value).toList();
	}

	/**
	 * Whether the token may reach this project (any, when it is not limited to one).
	 */
	public boolean reaches(String projectSlug) {
		return this.projectSlug == null || this.projectSlug.equals(projectSlug);
	}

	/**
	 * Whether the token may reach this environment of this project (any, when it is not
	 * limited to one).
	 */
	public boolean reaches(String projectSlug, String environmentName) {
		return reaches(projectSlug) && (this.environmentName == null || this.environmentName.equals(environmentName));
	}

	public ApiToken withRevokedAt(Instant at) {
		return new ApiToken(this.org, this.id, this.name, this.prefix, this.scopes, this.projectSlug,
				this.environmentName, this.createdBy, this.createdByName, this.createdAt, this.expiresAt,
				this.lastUsedAt, at);
	}

}
