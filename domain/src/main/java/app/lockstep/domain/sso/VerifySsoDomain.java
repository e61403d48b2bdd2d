package app.lockstep.domain.sso;

import java.time.Clock;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.audit.AuditEntry;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;
import app.lockstep.domain.shared.ValidationException;

/**
 * An owner proves the organization controls a domain: its DNS publishes the TXT record
 * {@code lockstep-verification=<token>}. The DNS is asked outside any transaction.
 */
@UseCase
public final class VerifySsoDomain {

	private final SsoSettings settings;

	private final DomainVerifier dns;

	private final AuditLog auditLog;

	private final Transactions transactions;

	private final Clock clock;

	public VerifySsoDomain(SsoSettings settings, DomainVerifier dns, AuditLog auditLog, Transactions transactions,
			Clock clock) {
		this.settings = settings;
		this.dns = dns;
		this.auditLog = auditLog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public SsoDomain verify(Caller caller, String domain) {
		caller.require(Permission.MANAGE_SETTINGS);
		String name = SsoDomains.normalize(domain);
		SsoDomain claimed = this.transactions.inTenant(caller.orgId(), () -> this.settings.domains(caller.orgId()))
			.stream()
			.filter((candidate) -> candidate.domain().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("The domain " + name + " is not one of this organization's."));
		if (claimed.verified()) {
			return claimed;
		}
		boolean published;
		try {
			published = this.dns.txtRecords(name).stream().anyMatch((record) -> record.equals(claimed.txtRecord()));
		}
		catch (DomainVerifier.LookupFailedException ex) {
			throw new ValidationException("domain",
					"The DNS did not answer for " + name + " just now. Try again in a minute.");
		}
		if (!published) {
			throw new ValidationException("domain", "No TXT record \"" + claimed.txtRecord() + "\" was found at " + name
					+ " yet. Add it at your DNS provider; changes can take a few minutes to show.");
		}
		return this.transactions.inTenant(caller.orgId(), () -> {
			this.settings.markVerified(caller.orgId(), name, this.clock.instant());
			this.auditLog.append(caller.orgId(), caller.actor(),
					AuditEntry.of("sso.domain_verified", "sso_domain", name).build());
			return new SsoDomain(claimed.domain(), claimed.verificationToken(), claimed.addedAt(),
					this.clock.instant());
		});
	}

}
