package app.lockstep.domain.config;

import java.util.List;
import java.util.Optional;

/**
 * The one place listing the runtimes and service engines an infrastructure spec may use,
 * with their supported versions (oldest first). Shown to people next to the editor.
 */
public final class Catalogue {

	private static final List<CatalogueEntry> RUNTIMES = List.of(
			new CatalogueEntry("php", "PHP", List.of("8.1", "8.2", "8.3", "8.4")),
			new CatalogueEntry("python", "Python", List.of("3.10", "3.11", "3.12", "3.13")),
			new CatalogueEntry("nodejs", "Node.js", List.of("18", "20", "22")),
			new CatalogueEntry("ruby", "Ruby", List.of("3.2", "3.3")),
			new CatalogueEntry("java", "Java", List.of("17", "21")),
			new CatalogueEntry("golang", "Go", List.of("1.22", "1.23")),
			new CatalogueEntry("dotnet", ".NET", List.of("8.0")));

	private static final List<CatalogueEntry> SERVICES = List.of(
			new CatalogueEntry("postgresql", "PostgreSQL", List.of("13", "14", "15", "16", "17")),
			new CatalogueEntry("mariadb", "MariaDB", List.of("10.6", "10.11", "11.4")),
			new CatalogueEntry("mysql", "MySQL", List.of("8.0")),
			new CatalogueEntry("redis", "Redis", List.of("7.0", "7.2")),
			new CatalogueEntry("valkey", "Valkey", List.of("8.0")),
			new CatalogueEntry("opensearch", "OpenSearch", List.of("2")),
			new CatalogueEntry("rabbitmq", "RabbitMQ", List.of("3.13")),
			new CatalogueEntry("memcached", "Memcached", List.of("1.6")),
			new CatalogueEntry("solr", "Solr", List.of("9")));

	private Catalogue() {
	}

	public static List<CatalogueEntry> runtimes() {
		return RUNTIMES;
	}

	public static List<CatalogueEntry> services() {
		return SERVICES;
	}

	public static Optional<CatalogueEntry> runtime(String name) {
		return find(RUNTIMES, name);
	}

	public static Optional<CatalogueEntry> service(String name) {
		return find(SERVICES, name);
	}

	private static Optional<CatalogueEntry> find(List<CatalogueEntry> entries, String name) {
		return entries.stream().filter((entry) -> entry.name().equals(name)).findFirst();
	}

}
