package app.lockstep.domain.config;

import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureSpecRenderTest {

	@Test
	void writesCanonicalYamlWithTwoSpaceIndents() {
		assertThat(InfrastructureSpec.render(SpecFixtures.drupal())).isEqualTo(SpecFixtures.DRUPAL_YAML);
		assertThat(InfrastructureSpec.render(SpecFixtures.django())).isEqualTo("""
				applications:
				  api:
				    type: python:3.12
				    relationships:
				      database: db:postgresql
				      cache: cache:redis
				    mounts:
				      media:
				        source: storage
				        source_path: media
				      /tmp/cache:
				        source: tmp
				services:
				  db:
				    type: postgresql:16
				    disk: 1024
				  cache:
				    type: redis:7.2
				""");
	}

	@Test
	void anEmptySpecIsAnEmptyText() {
		assertThat(InfrastructureSpec.render(Spec.EMPTY)).isEmpty();
	}

	@Test
	void valuesThatLookLikeOtherTypesAreQuotedButNotValidated() {
		Spec spec = new Spec(
				Map.of("yes",
						new Application("yes", "nodejs", "22", Map.of(),
								Map.of("null", new Mount("local", "1.0"), "# not a comment: 😀",
										new Mount("tmp", "'quoted\" \n")))),
				Map.of("123", new Service("123", "memcached", "1.6", "007")));
		String yaml = InfrastructureSpec.render(spec);
		assertThat(yaml).contains("'yes':", "'123':", "disk: '007'");
		SpecParse parse = InfrastructureSpec.parse(yaml);
		assertThat(parse.errors()).extracting(LineError::message)
			.containsExactly("Disk \"007\" must be a size in MB, such as 1024");
	}

	@Property(tries = 300)
	void readingWhatWasWrittenGivesTheSameSpec(@ForAll("specs") Spec spec) {
		String yaml = InfrastructureSpec.render(spec);
		SpecParse parse = InfrastructureSpec.parse(yaml);
		assertThat(parse.errors()).as(yaml).isEmpty();
		assertThat(parse.spec()).isEqualTo(spec);
		assertThat(parse.spec().applications().keySet()).containsExactlyElementsOf(spec.applications().keySet());
		assertThat(parse.spec().services().keySet()).containsExactlyElementsOf(spec.services().keySet());
		assertThat(InfrastructureSpec.render(parse.spec())).isEqualTo(yaml);
	}

	@Provide
	Arbitrary<Spec> specs() {
		return SpecArbitraries.specs();
	}

}
