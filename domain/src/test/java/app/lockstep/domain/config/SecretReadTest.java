package app.lockstep.domain.config;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretReadTest {

	private static final OrgId ORG = new OrgId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

	private static final EnvironmentId PRODUCTION = new EnvironmentId(
			UUID.fromString("00000000-0000-0000-0000-000000000002"));

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	@Test
	void readsAlikeButForTheirTimeAreOneRecordWithTheirCountAndSpan() {
		SecretRead second = read("10.0.0.1", 7, T0.plusSeconds(2));
		SecretRead first = read("10.0.0.1", 7, T0);
		assertThat(second.timeless()).isEqualTo(first.timeless());
		SecretRead both = second.and(first).and(read("10.0.0.1", 7, T0.plusSeconds(1)));
		assertThat(both.reads()).isEqualTo(3);
		assertThat(both.readAt()).isEqualTo(T0);
		assertThat(both.lastReadAt()).isEqualTo(T0.plusSeconds(2));
	}

	@Test
	void anotherAddressOrRevisionIsAnotherRecord() {
		assertThat(read("10.0.0.2", 7, T0).timeless()).isNotEqualTo(read("10.0.0.1", 7, T0).timeless());
		assertThat(read("10.0.0.1", 8, T0).timeless()).isNotEqualTo(read("10.0.0.1", 7, T0).timeless());
	}

	@Test
	void aRecordStandsForOneReadOrMore() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretRead(0, ORG, actor("10.0.0.1"), PRODUCTION,
				"shop", "production", 7, 0, List.of("API_KEY"), T0, 0, T0));
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretRead(0, ORG, actor("10.0.0.1"), PRODUCTION,
				"shop", "production", 7, 0, List.of("API_KEY"), T0, 2, T0.minusSeconds(1)));
	}

	private static SecretRead read(String ip, int revision, Instant at) {
		return new SecretRead(0, ORG, actor(ip), PRODUCTION, "shop", "production", revision, 0, List.of("API_KEY"), at);
	}

	private static Actor actor(String ip) {
		return new Actor(Actor.Type.USER, "u-1", "Dana Developer (API token \"ci\")", ip);
	}

}
