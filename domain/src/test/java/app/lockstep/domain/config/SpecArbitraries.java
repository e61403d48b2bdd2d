package app.lockstep.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid specs of every shape, with names and paths that need quoting in YAML. */
final class SpecArbitraries {

	private SpecArbitraries() {
	}

	static Arbitrary<Spec> specs() {
		return names().list().uniqueElements().ofMaxSize(3).flatMap((serviceNames) -> {
			Arbitrary<List<Service>> services = Combinators
				.combine(serviceNames.stream().map(SpecArbitraries::service).toList())
				.as(ArrayList::new);
			Arbitrary<List<Application>> applications = names().filter((name) -> !serviceNames.contains(name))
				.list()
				.uniqueElements()
				.ofMaxSize(3)
				.flatMap((appNames) -> Combinators
					.combine(appNames.stream().map((name) -> application(name, serviceNames)).toList())
					.as(ArrayList::new));
			return Combinators.combine(applications, services).as((apps, servs) -> {
				Map<String, Application> byName = new LinkedHashMap<>();
				apps.forEach((app) -> byName.put(app.name(), app));
				Map<String, Service> servicesByName = new LinkedHashMap<>();
				servs.forEach((service) -> servicesByName.put(service.name(), service));
				return new Spec(byName, servicesByName);
			});
		});
	}

	private static Arbitrary<Service> service(String name) {
		Arbitrary<CatalogueEntry> engines = Arbitraries.of(Catalogue.services());
		Arbitrary<String> disks = Arbitraries.integers().between(1, 999_999).map(String::valueOf).injectNull(0.4);
		return Combinators.combine(engines.flatMap(SpecArbitraries::typeOf), disks)
			.as((type, disk) -> new Service(name, type[0], type[1], disk));
	}

	private static Arbitrary<Application> application(String name, List<String> serviceNames) {
		Arbitrary<Map<String, String>> relationships = serviceNames.isEmpty() ? Arbitraries.just(Map.of())
				: Arbitraries
					.maps(Arbitraries.strings().withChars("abAB_-1").ofMinLength(1).ofMaxLength(5),
							Combinators
								.combine(Arbitraries.of(serviceNames),
										Arbitraries.strings().withChars("ab-_9").ofMinLength(1).ofMaxLength(4))
								.as((service, endpoint) -> service + ":" + endpoint))
					.ofMaxSize(3);
		Arbitrary<Map<String, Mount>> mounts = Arbitraries
			.maps(paths(), Combinators.combine(Arbitraries.of(Mount.SOURCES), paths().injectNull(0.3)).as(Mount::new))
			.ofMaxSize(3);
		return Combinators
			.combine(Arbitraries.of(Catalogue.runtimes()).flatMap(SpecArbitraries::typeOf), relationships, mounts)
			.as((type, rels, mountsByPath) -> new Application(name, type[0], type[1], rels, mountsByPath));
	}

	private static Arbitrary<String[]> typeOf(CatalogueEntry entry) {
		return Arbitraries.of(entry.versions()).map((version) -> new String[] { entry.name(), version });
	}

	private static Arbitrary<String> names() {
		return Arbitraries.strings().withChars("abyz019-_").ofMinLength(1).ofMaxLength(6);
	}

	/** Paths with characters YAML gives a meaning to, so that quoting is exercised. */
	private static Arbitrary<String> paths() {
		return Arbitraries.strings()
			.withChars("ab/._- :#'\"é\t\n!&*{}[],%@`|>?~\\")
			.ofMinLength(1)
			.ofMaxLength(12)
			.filter((path) -> !path.isBlank() && !List.of(path.split("/")).contains(".."));
	}

}
