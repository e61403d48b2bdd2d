package app.lockstep.domain.project;

import java.net.URI;
import java.net.URISyntaxException;

import app.lockstep.domain.shared.Validation;
import org.jspecify.annotations.Nullable;

/**
 * What a person or a client types for a project; fields left null are not being changed.
 */
public record ProjectInput(@Nullable String slug, @Nullable String name, @Nullable String repositoryUrl,
		@Nullable String description) {

	/**
	 * Slugs that would clash with the pages' own paths, such as /orgs/{org}/projects/new.
	 */
	static final java.util.Set<String> RESERVED_SLUGS = java.util.Set.of("new");

	void validate(Validation validation, boolean creating) {
		if (creating || this.slug != null) {
			validation.slug("slug", this.slug);
			validation.check(this.slug == null || !RESERVED_SLUGS.contains(this.slug.strip()), "slug",
					"\"" + this.slug + "\" is reserved for Lockstep's own pages; choose another slug.");
		}
		if (creating || this.name != null) {
			validation.required("name", this.name, "a name", 100);
		}
		if (this.repositoryUrl != null && !this.repositoryUrl.isBlank()) {
			validation.check(isRepositoryUrl(this.repositoryUrl.strip()), "repositoryUrl",
					"Enter the repository's URL, such as https://github.com/acme/shop.git or git@github.com:acme/shop.git.");
		}
		validation.optional("description", this.description, 2000);
	}

	static boolean isRepositoryUrl(String value) {
		if (value.length() > 500) {
			return false;
		}
		if (value.matches("^[\\w.-]+@[\\w.-]+:[\\w./~-]+$")) {
			return true;
		}
		try {
			URI uri = new URI(value);
			return uri.getScheme() != null && uri.getHost() != null
					&& java.util.Set.of("https", "http", "ssh", "git").contains(uri.getScheme());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
