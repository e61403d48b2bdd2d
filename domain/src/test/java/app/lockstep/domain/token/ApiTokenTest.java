package app.lockstep.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.lockstep.domain.access.ApiToken;
import app.lockstep.domain.access.Scope;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.access.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenTest {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void aSecretIsLst_And43Base64UrlCharactersAndNeverTheSameTwice() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			ApiTokenSecret secret = ApiTokenSecret.generate();
			assertThat(secret.value()).matches("^lst_[A-Za-z0-9_-]{43}$");
			assertThat(ApiTokenSecret.parse(secret.value())).contains(secret);
			assertThat(secret.prefix()).hasSize(12).startsWith("lst_").isEqualTo(secret.value().substring(0, 12));
			assertThat(secret.hash()).hasSize(64).doesNotContain(secret.value());
			assertThat(secret.toString()).doesNotContain(secret.value());
			seen.add(secret.value());
		}
		assertThat(seen).hasSize(200);
	}

	@Test
	void theHashIsSha256InHex() {
		assertThat(new ApiTokenSecret("abc").hash())
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void somethingElseIsNotASecret() {
		assertThat(ApiTokenSecret.parse("lst_short")).isEmpty();
		assertThat(ApiTokenSecret.parse("abc_" + "a".repeat(43))).isEmpty();
		assertThat(ApiTokenSecret.parse("lst_" + "a".repeat(42) + "=")).isEmpty();
		assertThat(ApiTokenSecret.parse("lst_" + "a".repeat(44))).isEmpty();
	}

	@Test
	void scopesParseFromHowClientsWriteThem() {
		assertThat(Scope.parse("config:read")).contains(Scope.CONFIG_READ);
		assertThat(Scope.parse("tokens:write")).contains(Scope.TOKENS_WRITE);
		assertThat(Scope.parse("CONFIG_READ")).isEmpty();
		assertThat(Scope.known())
			.isEqualTo("config:read, config:write, deployments:write, code:write, audit:read, tokens:write");
	}

	@Test
	void noScopeGoesBeyondTheRolesThatMayCreateIt() {
		assertThat(Scope.CONFIG_WRITE.allowedFor(Role.DEVELOPER)).isTrue();
		assertThat(Scope.CONFIG_WRITE.allowedFor(Role.VIEWER)).isFalse();
		assertThat(Scope.DEPLOYMENTS_WRITE.allowedFor(Role.AUDITOR)).isFalse();
		assertThat(Scope.AUDIT_READ.allowedFor(Role.AUDITOR)).isTrue();
		assertThat(Scope.AUDIT_READ.allowedFor(Role.LEAD)).isFalse();
		assertThat(Scope.CODE_WRITE.allowedFor(Role.VIEWER)).isFalse();
		for (Role role : Role.values()) {
			assertThat(Scope.CONFIG_READ.allowedFor(role)).as(role.name()).isTrue();
			assertThat(Scope.TOKENS_WRITE.allowedFor(role)).as(role.name()).isTrue();
		}
	}

	@Test
	void statusFollowsRevocationThenExpiry() {
		assertThat(token(NOW.plusSeconds(1), null).statusAt(NOW)).isEqualTo(ApiToken.Status.ACTIVE);
		assertThat(token(NOW, null).statusAt(NOW)).isEqualTo(ApiToken.Status.EXPIRED);
		assertThat(token(NOW.plus(Duration.ofDays(1)), NOW.minusSeconds(1)).statusAt(NOW))
			.isEqualTo(ApiToken.Status.REVOKED);
		assertThat(token(null, null).statusAt(NOW.plus(Duration.ofDays(10000)))).isEqualTo(ApiToken.Status.ACTIVE);
	}

	@Test
	void aLimitedTokenReachesOnlyItsProjectAndEnvironment() {
		ApiToken any = token(null, null);
		assertThat(any.reaches("shop")).isTrue();
		assertThat(any.reaches("api", "production")).isTrue();
		ApiToken shop = new ApiToken(OrgId.random(), UUID.randomUUID(), "t", "lst_abcdefgh", List.of(Scope.CONFIG_READ),
				"shop", "staging", UserId.random(), "Someone", NOW, null, null, null);
		assertThat(shop.reaches("shop")).isTrue();
		assertThat(shop.reaches("api")).isFalse();
		assertThat(shop.reaches("shop", "staging")).isTrue();
		assertThat(shop.reaches("shop", "production")).isFalse();
		assertThat(shop.reaches("api", "staging")).isFalse();
	}

	@Test
	void scopesAreKeptInTheirDeclaredOrderWithoutDuplicates() {
		ApiToken token = new ApiToken(OrgId.random(), UUID.randomUUID(), "t", "lst_abcdefgh",
				List.of(Scope.TOKENS_WRITE, Scope.CONFIG_READ, Scope.TOKENS_WRITE), null, null, UserId.random(), "S",
				NOW, null, null, null);
		assertThat(token.scopeValues()).containsExactly("config:read", "tokens:write");
	}

	private static ApiToken token(Instant expiresAt, Instant revokedAt) {
		return new ApiToken(OrgId.random(), UUID.randomUUID(), "t", "lst_abcdefgh", List.of(Scope.CONFIG_READ), null,
				null, UserId.random(), "Someone", NOW.minus(Duration.ofDays(1)), expiresAt, null, revokedAt);
	}

}
