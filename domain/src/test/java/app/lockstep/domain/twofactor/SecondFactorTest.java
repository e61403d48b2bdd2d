package app.lockstep.domain.twofactor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.tenancy.PasswordHasher;
import app.lockstep.domain.tenancy.User;
import app.lockstep.domain.tenancy.Users;
import app.lockstep.domain.testing.DirectTransactions;
import app.lockstep.domain.testing.InMemoryLoginCounters;
import app.lockstep.domain.testing.InMemoryTwoFactorAccounts;
import app.lockstep.domain.testing.MutableClock;
import app.lockstep.domain.testing.TestSecrets;
import app.lockstep.domain.twofactor.SecondFactorCheck.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enabling two-factor, checking codes (each step and each recovery code at most once) and
 * the lockout after 5 wrong codes, on fakes of the ports with the real cipher.
 */
class SecondFactorTest {

	private static final String PASSWORD = "correct horse battery";

	private final MutableClock clock = MutableClock.at("2026-12-04T10:00:10Z");

	private final InMemoryTwoFactorAccounts accounts = new InMemoryTwoFactorAccounts();

	private final TwoFactorSecrets secrets = new TwoFactorSecrets(TestSecrets.cipher());

	private final DirectTransactions transactions = new DirectTransactions();

	private final SecondFactorCheck check = new SecondFactorCheck(this.accounts, this.secrets,
			new InMemoryLoginCounters(), this.transactions, this.clock);

	private final EnableTwoFactor enable = new EnableTwoFactor(this.accounts, this.secrets, this.transactions,
			this.clock);

	private final UserId user = UserId.random();

	private final Map<UserId, User> people = new HashMap<>();

	private final TwoFactorSettings settings = new TwoFactorSettings(this.accounts, this.check, new PeopleById(),
			new PlainPasswords(), this.transactions);

	private byte[] key = new byte[0];

	private List<String> recoveryCodes = List.of();

	@BeforeEach
	void enable() {
		this.people.put(this.user, new User(this.user, "ana@example.com", "Ana", "plain:" + PASSWORD, null));
		EnableTwoFactor.Enrolment enrolment = this.enable.start(this.user, "ana@example.com");
		assertThat(enrolment.uri()).startsWith("otpauth://totp/Lockstep%3Aana%40example.com?secret=");
		this.key = Base32.decode(enrolment.secret());
		assertThat(this.check.enabledFor(this.user)).isFalse();
		this.recoveryCodes = this.enable.confirm(this.user, Totp.code(this.key, this.clock.instant()));
		assertThat(this.check.enabledFor(this.user)).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
	}

	@Test
	void enablingNeedsACodeFromTheNewSecretAndHandsOutTenDistinctRecoveryCodes() {
		UserId other = UserId.random();
		EnableTwoFactor.Enrolment enrolment = this.enable.start(other, "bo@example.com");
		assertThatThrownBy(() -> this.enable.confirm(other, "000000")).isInstanceOf(ValidationException.class);
		assertThat(this.check.enabledFor(other)).isFalse();
		// The waiting secret is shown again after a wrong code, not replaced.
		assertThat(this.enable.waiting(other, "bo@example.com").secret()).isEqualTo(enrolment.secret());
		assertThat(this.recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(this.recoveryCodes).allMatch((code) -> code.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"));
		assertThatThrownBy(() -> this.enable.start(this.user, "ana@example.com")).isInstanceOf(ConflictException.class);
	}

	@Test
	void theSecretIsSealedForItsPersonOnly() {
		SealedSecret sealed = this.accounts.find(this.user).orElseThrow().secret();
		assertThat(new String(sealed.sealed(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(Base32.encode(this.key));
		assertThat(this.secrets.open(this.user, sealed)).isEqualTo(this.key);
		assertThatThrownBy(() -> this.secrets.open(UserId.random(), sealed)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCurrentCodeIsAcceptedOnceOnly() {
		String code = Totp.code(this.key, this.clock.instant());
		assertThat(this.check.check(this.user, code)).isEqualTo(Outcome.CODE_ACCEPTED);
		assertThat(this.check.check(this.user, code)).isEqualTo(Outcome.WRONG);
		// Nor an earlier step's code, even within the drift.
		String previous = Totp.code(this.key, this.clock.instant().minusSeconds(30));
		assertThat(this.check.check(this.user, previous)).isEqualTo(Outcome.WRONG);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.check.check(this.user, Totp.code(this.key, this.clock.instant())))
			.isEqualTo(Outcome.CODE_ACCEPTED);
	}

	@Test
	void aRecoveryCodeWorksOnceInAnySpellingAndIsStoredOnlyAsAHash() {
		String code = this.recoveryCodes.get(3);
		assertThat(this.check.check(this.user, code.toLowerCase().replace("-", " ")))
			.isEqualTo(Outcome.RECOVERY_CODE_ACCEPTED);
		assertThat(this.check.check(this.user, code)).isEqualTo(Outcome.WRONG);
		assertThat(this.settings.status(this.user).recoveryCodesLeft()).isEqualTo(9);
		assertThat(RecoveryCodes.hash(this.user, code)).matches("[0-9a-f]{64}")
			.isNotEqualTo(RecoveryCodes.hash(UserId.random(), code));
	}

	@Test
	void fiveWrongCodesLockTheSecondStepForFifteenMinutesEvenForTheRightCode() {
		for (int i = 1; i <= 4; i++) {
			assertThat(this.check.check(this.user, "00000" + i)).isEqualTo(Outcome.WRONG);
		}
		assertThat(this.check.check(this.user, "000005")).isEqualTo(Outcome.LOCKED);
		assertThat(this.check.check(this.user, Totp.code(this.key, this.clock.instant()))).isEqualTo(Outcome.LOCKED);
		assertThat(this.check.check(this.user, this.recoveryCodes.get(0))).isEqualTo(Outcome.LOCKED);
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.check.check(this.user, Totp.code(this.key, this.clock.instant()))).isEqualTo(Outcome.LOCKED);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.check.check(this.user, Totp.code(this.key, this.clock.instant())))
			.isEqualTo(Outcome.CODE_ACCEPTED);
		// A success starts the count afresh: four wrong codes do not lock again.
		for (int i = 1; i <= 4; i++) {
			assertThat(this.check.check(this.user, "00000" + i)).isEqualTo(Outcome.WRONG);
		}
	}

	@Test
	void newRecoveryCodesReplaceTheOldOnesAndNeedACurrentCode() {
		assertThatThrownBy(() -> this.settings.regenerateRecoveryCodes(this.user, "123456"))
			.isInstanceOf(ValidationException.class);
		List<String> fresh = this.settings.regenerateRecoveryCodes(this.user,
				Totp.code(this.key, this.clock.instant()));
		assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(this.recoveryCodes);
		assertThat(this.check.check(this.user, this.recoveryCodes.get(0))).isEqualTo(Outcome.WRONG);
		assertThat(this.check.check(this.user, fresh.get(0))).isEqualTo(Outcome.RECOVERY_CODE_ACCEPTED);
	}

	@Test
	void switchingOffNeedsTheRightPasswordOrACurrentCode() {
		assertThatThrownBy(() -> this.settings.disable(this.user, "wrong password"))
			.isInstanceOf(ValidationException.class);
		assertThat(this.check.enabledFor(this.user)).isTrue();
		this.settings.disable(this.user, PASSWORD);
		assertThat(this.check.enabledFor(this.user)).isFalse();
		assertThat(this.check.check(this.user, Totp.code(this.key, this.clock.instant())))
			.isEqualTo(Outcome.NOT_ENABLED);

		this.enable.start(this.user, "ana@example.com");
		byte[] again = Base32.decode(this.enable.waiting(this.user, "ana@example.com").secret());
		this.enable.confirm(this.user, Totp.code(again, this.clock.instant()));
		this.clock.advance(Duration.ofSeconds(30));
		this.settings.disable(this.user, Totp.code(again, this.clock.instant()));
		assertThat(this.settings.status(this.user).enabled()).isFalse();
	}

	private final class PeopleById implements Users {

		@Override
		public Optional<User> findByEmail(String email) {
			return SecondFactorTest.this.people.values().stream().filter((u) -> u.email().equals(email)).findFirst();
		}

		@Override
		public Optional<User> findById(UserId id) {
			return Optional.ofNullable(SecondFactorTest.this.people.get(id));
		}

		@Override
		public void create(UserId id, String email, String name, String passwordHash, java.time.Instant at) {
			SecondFactorTest.this.people.put(id, new User(id, email, name, passwordHash, null));
		}

		@Override
		public void rememberLastOrganization(UserId id, OrgId org) {
		}

	}

	private static final class PlainPasswords implements PasswordHasher {

		@Override
		public String hash(String rawPassword) {
			return "plain:" + rawPassword;
		}

		@Override
		public boolean matches(String rawPassword, String hash) {
			return hash.equals("plain:" + rawPassword);
		}

	}

}
