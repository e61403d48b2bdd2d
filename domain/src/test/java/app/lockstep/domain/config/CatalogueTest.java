package app.lockstep.domain.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueTest {

	@Test
	void listsTheRuntimesWithTheirVersions() {
		assertThat(Catalogue.runtimes()).extracting(CatalogueEntry::name)
			.containsExactly("php", "python", "nodejs", "ruby", "java", "golang", "dotnet");
		assertThat(Catalogue.runtime("php")).get()
			.satisfies((php) -> assertThat(php.versions()).containsExactly("8.1", "8.2", "8.3", "8.4"))
			.satisfies((php) -> assertThat(php.label()).isEqualTo("PHP"))
			.satisfies((php) -> assertThat(php.example()).isEqualTo("php:8.4"));
		assertThat(Catalogue.runtime("python").get().supports("3.13")).isTrue();
		assertThat(Catalogue.runtime("python").get().supports("2.7")).isFalse();
	}

	@Test
	void listsTheServiceEnginesWithTheirVersions() {
		assertThat(Catalogue.services()).extracting(CatalogueEntry::name)
			.contains("postgresql", "mariadb", "mysql", "redis", "valkey", "opensearch", "rabbitmq", "memcached",
					"solr");
		assertThat(Catalogue.service("mariadb").get().versions()).containsExactly("10.6", "10.11", "11.4");
		assertThat(Catalogue.service("postgresql").get().versions()).containsExactly("13", "14", "15", "16", "17");
	}

	@Test
	void runtimesAndServicesAreLookedUpInTheirOwnList() {
		assertThat(Catalogue.runtime("postgresql")).isEmpty();
		assertThat(Catalogue.service("php")).isEmpty();
		assertThat(Catalogue.runtime("PHP")).isEmpty();
	}

}
