package app.lockstep.domain.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.twofactor.TwoFactorAccounts;
import org.jspecify.annotations.Nullable;

/** {@link TwoFactorAccounts} in a map, with the adapter's conditional updates. */
public final class InMemoryTwoFactorAccounts implements TwoFactorAccounts {

	private final Map<UserId, Row> rows = new HashMap<>();

	private static final class Row {

		SealedSecret secret;

		@Nullable Instant enabledAt;

		long lastUsedStep = -1;

		Map<String, @Nullable Instant> codes = new HashMap<>();

		Row(SealedSecret secret) {
			this.secret = secret;
		}

	}

	@Override
	public synchronized Optional<TwoFactorState> find(UserId user) {
		Row row = this.rows.get(user);
		if (row == null) {
			return Optional.empty();
		}
		int left = (int) row.codes.values().stream().filter((used) -> used == null).count();
		return Optional.of(new TwoFactorState(row.secret, row.enabledAt, row.lastUsedStep, left));
	}

	@Override
	public synchronized boolean startEnrolment(UserId user, SealedSecret secret, Instant at) {
		Row row = this.rows.get(user);
		if (row != null && row.enabledAt != null) {
			return false;
		}
		this.rows.put(user, new Row(secret));
		return true;
	}

	@Override
	public synchronized boolean enable(UserId user, long confirmedStep, List<String> recoveryCodeHashes, Instant at) {
		Row row = this.rows.get(user);
		if (row == null || row.enabledAt != null) {
			return false;
		}
		row.enabledAt = at;
		row.lastUsedStep = confirmedStep;
		replaceRecoveryCodes(user, recoveryCodeHashes);
		return true;
	}

	@Override
	public synchronized boolean useStep(UserId user, long step) {
		Row row = this.rows.get(user);
		if (row == null || row.lastUsedStep >= step) {
			return false;
		}
		row.lastUsedStep = step;
		return true;
	}

	@Override
	public synchronized boolean useRecoveryCode(UserId user, String hash, Instant at) {
		Row row = this.rows.get(user);
		if (row == null || !row.codes.containsKey(hash) || row.codes.get(hash) != null) {
			return false;
		}
		row.codes.put(hash, at);
		return true;
	}

	@Override
	public synchronized void replaceRecoveryCodes(UserId user, List<String> hashes) {
		Row row = this.rows.get(user);
		if (row != null) {
			row.codes = new HashMap<>();
			hashes.forEach((hash) -> row.codes.put(hash, null));
		}
	}

	@Override
	public synchronized void delete(UserId user) {
		this.rows.remove(user);
	}

}
