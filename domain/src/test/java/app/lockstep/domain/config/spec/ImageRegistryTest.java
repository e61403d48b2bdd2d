package app.lockstep.domain.config.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.lockstep.domain.config.spec.ImageRegistry.Image;
import app.lockstep.domain.config.spec.ImageRegistry.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRegistryTest {

	private final ImageRegistry registry = ImageRegistry.upsun();

	@Test
	void todaysVersionsAreSupported() {
		assertThat(status("php", "8.5")).isEqualTo(Status.SUPPORTED);
		assertThat(status("php", "8.4")).isEqualTo(Status.SUPPORTED);
		assertThat(status("nodejs", "24")).isEqualTo(Status.SUPPORTED);
		assertThat(status("python", "3.14")).isEqualTo(Status.SUPPORTED);
		assertThat(status("python", "3.13")).isEqualTo(Status.SUPPORTED);
		assertThat(this.registry.service("postgresql").orElseThrow().status("18")).isEqualTo(Status.SUPPORTED);
		assertThat(this.registry.service("postgresql").orElseThrow().status("17")).isEqualTo(Status.SUPPORTED);
	}

	@Test
	void everyServiceUpsunOffersIsKnownAndMysqlIsMariaDb() {
		assertThat(this.registry.services()).extracting(Image::name)
			.contains("mariadb", "mysql", "oracle-mysql", "postgresql", "redis", "redis-persistent", "valkey",
					"opensearch", "network-storage", "postgresql-replica", "mariadb-replica");
		assertThat(this.registry.service("mysql").orElseThrow().label()).contains("MariaDB");
		assertThat(this.registry.service("mysql").orElseThrow().supported())
			.isEqualTo(this.registry.service("mariadb").orElseThrow().supported());
	}

	@Test
	void noVersionIsInTwoStatesAndEveryImageHasOneToChoose() {
		List<Image> all = new ArrayList<>(this.registry.runtimes());
		all.addAll(this.registry.services());
		all.addAll(this.registry.composableRuntimes());
		all.add(this.registry.composableImage());
		for (Image image : all) {
			Set<String> seen = new HashSet<>();
			List<String> versions = new ArrayList<>(image.supported());
			versions.addAll(image.deprecated());
			versions.addAll(image.retired());
			for (String version : versions) {
				assertThat(seen.add(version)).as(image.name() + " " + version + " is in one list only").isTrue();
			}
		}
		assertThat(this.registry.runtimes()).filteredOn((image) -> !image.name().equals("lisp"))
			.allMatch((image) -> !image.supported().isEmpty());
	}

	@Test
	void anUnknownVersionIsNotSupported() {
		assertThat(status("php", "9.9")).isEqualTo(Status.UNKNOWN);
		assertThat(status("php", "7.4")).isEqualTo(Status.RETIRED);
		assertThat(status("php", "8.3")).isEqualTo(Status.DEPRECATED);
	}

	private Status status(String runtime, String version) {
		return this.registry.runtime(runtime).orElseThrow().status(version);
	}

}
