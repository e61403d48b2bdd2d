package app.lockstep.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Project;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * Creates an API token for the calling member. Any member who may see the projects may
 * create tokens for themselves, but a token never carries a scope the member's role does
 * not allow, and a token created with another token never reaches beyond that token
 * (scopes, project, environment, expiry). Without {@code expiresInDays} a token expires
 * after {@value #DEFAULT_DAYS} days; there are no tokens that never expire.
 */
@UseCase
public final class CreateApiToken {

	public static final int DEFAULT_DAYS = 90;

	public static final int MAX_DAYS = 365;

	private final ApiTokens tokens;

	private final Projects projects;

	private final Environments environments;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public CreateApiToken(ApiTokens tokens, Projects projects, Environments environments, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.tokens = tokens;
		this.projects = projects;
		this.environments = environments;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What the member asked for. Scopes are written as clients write them
	 * ({@code config:read}); blank project and environment mean "any".
	 */
	public record Input(@Nullable String name, @Nullable List<String> scopes, @Nullable String project,
			@Nullable String environment, @Nullable Integer expiresInDays) {
	}

	/** The token just created and its secret: the only time the secret is known. */
	public record Issued(ApiToken token, ApiTokenSecret secret) {
	}

	/**
	 * Creates the token. A token created with a token (the caller's) gets no more than
	 * that one: its scopes, its project or environment, its expiry at the latest.
	 */
	public Issued create(Caller caller, Input input) {
		ApiToken via = caller.token();
		caller.require(Permission.VIEW_PROJECTS);
		Validation validation = new Validation();
		validation.required("name", input.name(), "a name for the token", 100);
		List<Scope> scopes = scopes(input.scopes(), validation);
		String project = blankToNull(input.project());
		String environment = blankToNull(input.environment());
		if (environment != null && project == null && (via == null || via.projectSlug() == null)) {
			validation.add("environment", "Choose the project this environment belongs to.");
		}
		int days = (input.expiresInDays() != null) ? input.expiresInDays() : DEFAULT_DAYS;
		validation.check(days >= 1 && days <= MAX_DAYS, "expiresInDays", "Choose between 1 and " + MAX_DAYS + " days.");
		validation.throwIfInvalid();
		List<String> refused = scopes.stream()
			.filter((scope) -> !scope.allowedFor(caller.role()))
			.map(Scope::value)
			.toList();
		if (!refused.isEmpty()) {
			throw new ForbiddenException("Your role (" + caller.role().label() + ") does not allow tokens with "
					+ (refused.size() == 1 ? "the scope " : "the scopes ") + String.join(", ", refused) + ".");
		}
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(Duration.ofDays(days));
		if (via != null) {
			List<String> beyond = scopes.stream().filter((scope) -> !via.has(scope)).map(Scope::value).toList();
			if (!beyond.isEmpty()) {
				throw new ForbiddenException("A token can only create tokens with its own scopes; this one lacks "
						+ String.join(", ", beyond) + ".");
			}
			if (via.projectSlug() != null) {
				if (project != null && !project.equals(via.projectSlug())) {
					throw new ForbiddenException("This token is limited to the project " + via.projectSlug()
							+ ", and so is every token it creates.");
				}
				project = via.projectSlug();
			}
			if (via.environmentName() != null) {
				if (environment != null && !environment.equals(via.environmentName())) {
					throw new ForbiddenException("This token is limited to the environment " + via.environmentName()
							+ ", and so is every token it creates.");
				}
				environment = via.environmentName();
			}
			if (via.expiresAt() != null && via.expiresAt().isBefore(expiresAt)) {
				expiresAt = via.expiresAt();
			}
		}
		String projectSlug = project;
		String environmentName = environment;
		Instant expiry = expiresAt;
		return this.transactions.inTenant(caller.orgId(), () -> {
			checkExists(caller, projectSlug, environmentName);
			ApiTokenSecret secret = ApiTokenSecret.generate();
			// the name was required above
			ApiToken token = new ApiToken(caller.orgId(), UUID.randomUUID(),
					Objects.requireNonNull(input.name()).strip(), secret.prefix(), scopes, projectSlug, environmentName,
					caller.userId(), caller.name(), now, expiry, null, null);
			this.tokens.add(token, secret.hash());
			AuditEntry.Builder entry = ApiTokenAudit.entry("token.created", token);
			if (via != null) {
				entry.detail("createdWithToken", via.id().toString());
			}
			this.auditLog.append(caller.orgId(), caller.actor(), entry.build());
			return new Issued(token, secret);
		});
	}

	private static List<Scope> scopes(@Nullable List<String> values, Validation validation) {
		List<Scope> scopes = new ArrayList<>();
		if (values == null || values.isEmpty()) {
			validation.add("scopes", "Choose at least one scope: " + Scope.known() + ".");
			return scopes;
		}
		for (String value : values) {
			Optional<Scope> scope = (value != null) ? Scope.parse(value.strip()) : Optional.empty();
			if (scope.isEmpty()) {
				validation.add("scopes", "Unknown scope \"" + value + "\"; use one of " + Scope.known() + ".");
			}
			else {
				scopes.add(scope.get());
			}
		}
		return scopes.stream().distinct().sorted().collect(Collectors.toList());
	}

	private void checkExists(Caller caller, @Nullable String projectSlug, @Nullable String environmentName) {
		if (projectSlug == null) {
			return;
		}
		Optional<Project> project = this.projects.findBySlug(caller.orgId(), projectSlug);
		if (project.isEmpty()) {
			throw new ValidationException(List.of(new FieldError("project",
					"No project \"" + projectSlug + "\" in " + caller.organization().name() + ".")));
		}
		if (environmentName != null
				&& this.environments.findByName(caller.orgId(), project.get().id(), environmentName).isEmpty()) {
			throw new ValidationException(List.of(new FieldError("environment",
					"No environment \"" + environmentName + "\" in the project " + projectSlug + ".")));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
