package app.lockstep.domain.access;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import app.lockstep.domain.shared.Actor;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

	private final Organization acme = new Organization(new OrgId(UUID.randomUUID()), "acme", "Acme",
			ZoneId.of("Europe/Paris"));

	private final UserId dana = new UserId(UUID.randomUUID());

	@Test
	void aMemberInPersonIsTheActor() {
		Caller caller = new Caller(this.acme, this.dana, "Dana Developer", Role.DEVELOPER, "203.0.113.7");
		assertThat(caller.token()).isNull();
		assertThat(caller.actor())
			.isEqualTo(new Actor(Actor.Type.USER, this.dana.toString(), "Dana Developer", "203.0.113.7"));
	}

	@Test
	void withATokenTheTokenIsTheActorForEveryUseCase() {
		ApiToken token = new ApiToken(this.acme.id(), UUID.randomUUID(), "ci", "lst_abcdefgh", List.of(Scope.values()),
				null, null, this.dana, "Dana Developer", Instant.parse("2026-12-01T00:00:00Z"), null, null, null);
		Caller caller = new Caller(this.acme, this.dana, "Dana Developer (API token \"ci\")", Role.DEVELOPER,
				"203.0.113.7", token);
		assertThat(caller.actor()).isEqualTo(
				new Actor(Actor.Type.TOKEN, token.id().toString(), "Dana Developer (API token \"ci\")", "203.0.113.7"));
	}

}
