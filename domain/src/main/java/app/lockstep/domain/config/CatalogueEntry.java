package app.lockstep.domain.config;

import java.util.List;

/** A runtime or service engine we know, with a label for people and its versions. */
public record CatalogueEntry(String name, String label, List<String> versions) {

	public CatalogueEntry {
		versions = List.copyOf(versions);
	}

	public boolean supports(String version) {
		return this.versions.contains(version);
	}

	/** The type as written in a spec for the newest version, such as "php:8.4". */
	public String example() {
		return this.name + ":" + this.versions.getLast();
	}

}
