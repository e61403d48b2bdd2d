package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.Organizations;

/** Organizations by id; a taken slug is a {@link ConflictException} on "orgSlug". */
public final class InMemoryOrganizations implements Organizations {

	private final Map<OrgId, Organization> byId = new LinkedHashMap<>();

	@Override
	public void create(Organization organization, Instant at) {
		if (findBySlug(organization.slug()).isPresent() || this.byId.containsKey(organization.id())) {
			throw new ConflictException("orgSlug",
					"The slug \"" + organization.slug() + "\" is taken by another organization; choose another.");
		}
		this.byId.put(organization.id(), organization);
	}

	@Override
	public Optional<Organization> findBySlug(String slug) {
		return this.byId.values().stream().filter((o) -> o.slug().equals(slug)).findFirst();
	}

	@Override
	public Optional<Organization> findById(OrgId id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public void update(Organization organization) {
		if (this.byId.containsKey(organization.id())) {
			this.byId.put(organization.id(), organization);
		}
	}

}
