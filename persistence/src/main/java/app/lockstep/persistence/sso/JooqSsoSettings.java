package app.lockstep.persistence.sso;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.access.Role;
import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.sso.SsoDomain;
import app.lockstep.domain.sso.SsoProvider;
import app.lockstep.domain.sso.SsoSettings;
import app.lockstep.persistence.jooq.tables.records.SsoDomainsRecord;
import app.lockstep.persistence.jooq.tables.records.SsoProvidersRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.SSO_DOMAINS;
import static app.lockstep.persistence.jooq.Tables.SSO_PROVIDERS;

@Repository
class JooqSsoSettings implements SsoSettings {

	private final DSLContext dsl;

	JooqSsoSettings(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<SsoProvider> provider(OrgId org) {
		return this.dsl.selectFrom(SSO_PROVIDERS)
			.where(SSO_PROVIDERS.ORG_ID.eq(org))
			.fetchOptional()
			.map(JooqSsoSettings::toProvider);
	}

	@Override
	public Optional<SsoProvider> providerByRegistrationId(String registrationId) {
		return this.dsl.selectFrom(SSO_PROVIDERS)
			.where(SSO_PROVIDERS.REGISTRATION_ID.eq(registrationId))
			.fetchOptional()
			.map(JooqSsoSettings::toProvider);
	}

	@Override
	public Optional<SsoProvider> providerByVerifiedDomain(String domain) {
		return this.dsl.select(SSO_PROVIDERS.fields())
			.from(SSO_PROVIDERS)
			.join(SSO_DOMAINS)
			.on(SSO_DOMAINS.ORG_ID.eq(SSO_PROVIDERS.ORG_ID))
			.where(SSO_DOMAINS.DOMAIN.eq(domain))
			.and(SSO_DOMAINS.VERIFIED_AT.isNotNull())
			.fetchOptional()
			.map((record) -> toProvider(record.into(SSO_PROVIDERS)));
	}

	@Override
	public void save(SsoProvider provider) {
		this.dsl.insertInto(SSO_PROVIDERS)
			.set(SSO_PROVIDERS.ORG_ID, provider.org())
			.set(SSO_PROVIDERS.REGISTRATION_ID, provider.registrationId())
			.set(SSO_PROVIDERS.ISSUER, provider.issuer())
			.set(SSO_PROVIDERS.CLIENT_ID, provider.clientId())
			.set(SSO_PROVIDERS.SECRET_SEALED, provider.secret().sealed())
			.set(SSO_PROVIDERS.SECRET_KEY_ID, provider.secret().keyId())
			.set(SSO_PROVIDERS.DEFAULT_ROLE, provider.defaultRole().name())
			.set(SSO_PROVIDERS.UPDATED_AT, provider.updatedAt())
			.set(SSO_PROVIDERS.UPDATED_BY, provider.updatedBy())
			.onConflict(SSO_PROVIDERS.ORG_ID)
			.doUpdate()
			.set(SSO_PROVIDERS.ISSUER, provider.issuer())
			.set(SSO_PROVIDERS.CLIENT_ID, provider.clientId())
			.set(SSO_PROVIDERS.SECRET_SEALED, provider.secret().sealed())
			.set(SSO_PROVIDERS.SECRET_KEY_ID, provider.secret().keyId())
			.set(SSO_PROVIDERS.DEFAULT_ROLE, provider.defaultRole().name())
			.set(SSO_PROVIDERS.UPDATED_AT, provider.updatedAt())
			.set(SSO_PROVIDERS.UPDATED_BY, provider.updatedBy())
			.execute();
	}

	@Override
	public List<SsoDomain> domains(OrgId org) {
		return this.dsl.selectFrom(SSO_DOMAINS)
			.where(SSO_DOMAINS.ORG_ID.eq(org))
			.orderBy(SSO_DOMAINS.DOMAIN)
			.fetch(JooqSsoSettings::toDomain);
	}

	@Override
	public void addDomain(OrgId org, SsoDomain domain) {
		int added = this.dsl.insertInto(SSO_DOMAINS)
			.set(SSO_DOMAINS.ORG_ID, org)
			.set(SSO_DOMAINS.DOMAIN, domain.domain())
			.set(SSO_DOMAINS.VERIFICATION_TOKEN, domain.verificationToken())
			.set(SSO_DOMAINS.ADDED_AT, domain.addedAt())
			.set(SSO_DOMAINS.VERIFIED_AT, domain.verifiedAt())
			.onConflictDoNothing()
			.execute();
		if (added == 0) {
			throw new ConflictException("domain", "This organization already has " + domain.domain() + ".");
		}
	}

	@Override
	public void markVerified(OrgId org, String domain, Instant at) {
		try {
			this.dsl.update(SSO_DOMAINS)
				.set(SSO_DOMAINS.VERIFIED_AT, at)
				.where(SSO_DOMAINS.ORG_ID.eq(org))
				.and(SSO_DOMAINS.DOMAIN.eq(domain))
				.and(SSO_DOMAINS.VERIFIED_AT.isNull())
				.execute();
		}
		catch (RuntimeException ex) {
			if (UniqueViolations.constraintOf(ex).isPresent()) {
				throw new ConflictException("domain", "Another organization has already verified " + domain
						+ " for its single sign-on; a domain can belong to one organization only.");
			}
			throw ex;
		}
	}

	@Override
	public boolean removeDomain(OrgId org, String domain) {
		return this.dsl.deleteFrom(SSO_DOMAINS)
			.where(SSO_DOMAINS.ORG_ID.eq(org))
			.and(SSO_DOMAINS.DOMAIN.eq(domain))
			.execute() > 0;
	}

	private static SsoProvider toProvider(SsoProvidersRecord record) {
		return new SsoProvider(record.getOrgId(), record.getRegistrationId(), record.getIssuer(), record.getClientId(),
				new SealedSecret(record.getSecretKeyId(), record.getSecretSealed()),
				Role.valueOf(record.getDefaultRole()), record.getUpdatedAt(), record.getUpdatedBy());
	}

	private static SsoDomain toDomain(SsoDomainsRecord record) {
		return new SsoDomain(record.getDomain(), record.getVerificationToken(), record.getAddedAt(),
				record.getVerifiedAt());
	}

}
