package app.lockstep.domain.tenancy;

import java.time.Clock;
import java.time.ZoneId;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.Validation;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/** Creates an organization with its first OWNER. */
@UseCase
public final class CreateOrganization {

	private final Organizations organizations;

	private final Members members;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public CreateOrganization(Organizations organizations, Members members, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		this.organizations = organizations;
		this.members = members;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Command(String name, String slug, @Nullable String timeZone) {
	}

	public static void validate(Command command, Validation validation) {
		validation.required("orgName", command.name(), "the organization's name", 100).slug("orgSlug", command.slug());
		if (command.timeZone() != null && !command.timeZone().isBlank()) {
			validation.timeZone("timeZone", command.timeZone());
		}
	}

	public Organization create(UserId owner, String ownerName, @Nullable String ip, Command command) {
		Validation validation = new Validation();
		validate(command, validation);
		validation.throwIfInvalid();
		OrgId id = OrgId.random();
		return this.transactions.inTenant(id, owner,
				() -> createInCurrentTransaction(id, owner, ownerName, ip, command));
	}

	/**
	 * For callers that already run a transaction bound to {@code id} (sign-up creates the
	 * person first).
	 */
	Organization createInCurrentTransaction(OrgId id, UserId owner, String ownerName, @Nullable String ip,
			Command command) {
		String zone = (command.timeZone() == null || command.timeZone().isBlank()) ? "UTC" : command.timeZone();
		Organization organization = new Organization(id, command.slug(), command.name().strip(), ZoneId.of(zone));
		this.organizations.create(organization, this.clock.instant());
		this.members.add(id, owner, Role.OWNER, this.clock.instant());
		Actor actor = Actor.user(owner, ownerName, ip);
		this.auditLog.append(id, actor,
				AuditEntry.of("organization.created", "organization", id.toString())
					.detail("slug", organization.slug())
					.detail("name", organization.name())
					.detail("timeZone", zone)
					.build());
		this.auditLog.append(id, actor,
				AuditEntry.of("member.added", "member", owner.toString()).detail("role", Role.OWNER.name()).build());
		return organization;
	}

}
