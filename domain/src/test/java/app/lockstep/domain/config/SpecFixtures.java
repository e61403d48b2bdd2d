package app.lockstep.domain.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realistic specs: a Drupal site and a Django API, as YAML and as the specs they read to.
 */
final class SpecFixtures {

	static final String DRUPAL_YAML = """
			applications:
			  drupal:
			    type: php:8.3
			    relationships:
			      database: db:mysql
			      redis: cache:redis
			    mounts:
			      web/sites/default/files:
			        source: storage
			        source_path: files
			services:
			  db:
			    type: mariadb:10.11
			    disk: 2048
			  cache:
			    type: redis:7.2
			""";

	static final String DJANGO_YAML = """
			# The Django API and its database
			applications:
			  api:
			    type: "python:3.12"
			    relationships:
			      database: "db:postgresql"
			      cache: "cache:redis"
			    mounts:
			      media: {source: storage, source_path: media}
			      /tmp/cache: {source: tmp}

			services:
			  db:
			    type: postgresql:16
			    disk: 1024
			  cache:
			    type: redis:7.2
			""";

	private SpecFixtures() {
	}

	static Spec drupal() {
		return spec(
				Map.of("drupal",
						new Application("drupal", "php", "8.3", ordered("database", "db:mysql", "redis", "cache:redis"),
								Map.of("web/sites/default/files", new Mount("storage", "files")))),
				ordered("db", new Service("db", "mariadb", "10.11", "2048"), "cache",
						new Service("cache", "redis", "7.2", null)));
	}

	static Spec django() {
		return spec(Map.of("api",
				new Application("api", "python", "3.12", ordered("database", "db:postgresql", "cache", "cache:redis"),
						ordered("media", new Mount("storage", "media"), "/tmp/cache", new Mount("tmp", null)))),
				ordered("db", new Service("db", "postgresql", "16", "1024"), "cache",
						new Service("cache", "redis", "7.2", null)));
	}

	static Spec spec(Map<String, Application> applications, Map<String, Service> services) {
		return new Spec(applications, services);
	}

	static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
		Map<String, V> map = new LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		return map;
	}

	/** The Drupal spec with its application on another PHP version. */
	static Spec drupalOn(String phpVersion) {
		Application drupal = drupal().applications().get("drupal");
		return new Spec(
				Map.of("drupal", new Application("drupal", "php", phpVersion, drupal.relationships(), drupal.mounts())),
				drupal().services());
	}

}
