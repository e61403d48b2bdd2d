package app.lockstep.persistence.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.Organizations;
import app.lockstep.persistence.jooq.tables.records.OrganizationsRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static app.lockstep.persistence.jooq.Tables.ORGANIZATIONS;

@Repository
class JooqOrganizations implements Organizations {

	private final DSLContext dsl;

	JooqOrganizations(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void create(Organization organization, Instant at) {
		try {
			this.dsl.insertInto(ORGANIZATIONS)
				.set(ORGANIZATIONS.ID, organization.id())
				.set(ORGANIZATIONS.SLUG, organization.slug())
				.set(ORGANIZATIONS.NAME, organization.name())
				.set(ORGANIZATIONS.TIME_ZONE, organization.timeZone().getId())
				.set(ORGANIZATIONS.CREATED_AT, at)
				.execute();
		}
		catch (RuntimeException ex) {
			if (UniqueViolations.constraintOf(ex).isPresent()) {
				throw new ConflictException("orgSlug",
						"The slug \"" + organization.slug() + "\" is taken by another organization; choose another.");
			}
			throw ex;
		}
	}

	@Override
	public Optional<Organization> findBySlug(String slug) {
		return this.dsl.selectFrom(ORGANIZATIONS)
			.where(ORGANIZATIONS.SLUG.eq(slug))
			.fetchOptional()
			.map(JooqOrganizations::toOrganization);
	}

	@Override
	public Optional<Organization> findById(OrgId id) {
		return this.dsl.selectFrom(ORGANIZATIONS)
			.where(ORGANIZATIONS.ID.eq(id))
			.fetchOptional()
			.map(JooqOrganizations::toOrganization);
	}

	@Override
	public void update(Organization organization) {
		this.dsl.update(ORGANIZATIONS)
			.set(ORGANIZATIONS.NAME, organization.name())
			.set(ORGANIZATIONS.TIME_ZONE, organization.timeZone().getId())
			.where(ORGANIZATIONS.ID.eq(organization.id()))
			.execute();
	}

	static Organization toOrganization(OrganizationsRecord record) {
		return new Organization(record.getId(), record.getSlug(), record.getName(), ZoneId.of(record.getTimeZone()));
	}

}
