package app.lockstep.persistence.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.Organizations;
import app.lockstep.persistence.jooq.tables.records.OrganizationsRecord;
import app.lockstep.persistence.shared.UniqueViolations;
import org.jooq.DSLContext;
import org.jooq.Field;

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
			OrganizationsRecord record = toRecord(organization);
			record.setCreatedAt(at);
			this.dsl.insertInto(ORGANIZATIONS).set(record).execute();
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
		OrganizationsRecord record = toRecord(organization);
		IDENTITY.forEach((field) -> record.changed(field, false));
		this.dsl.update(ORGANIZATIONS).set(record).where(ORGANIZATIONS.ID.eq(organization.id())).execute();
	}

	/**
	 * The columns an update leaves alone: the organization's id and its slug, the URL's
	 * name for it.
	 */
	private static final List<Field<?>> IDENTITY = List.of(ORGANIZATIONS.ID, ORGANIZATIONS.SLUG);

	/** The organization as its row: one mapping for insert and update. */
	private static OrganizationsRecord toRecord(Organization organization) {
		OrganizationsRecord record = new OrganizationsRecord();
		record.setId(organization.id());
		record.setSlug(organization.slug());
		record.setName(organization.name());
		record.setTimeZone(organization.timeZone().getId());
		record.setRequireTwoFactor(organization.requiresTwoFactor());
		return record;
	}

	static Organization toOrganization(OrganizationsRecord record) {
		return new Organization(record.getId(), record.getSlug(), record.getName(), ZoneId.of(record.getTimeZone()),
				record.getRequireTwoFactor());
	}

}
