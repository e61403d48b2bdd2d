package app.lockstep.persistence.config;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The number of secret-read writers is a setting: zero would leave every read with
 * secrets waiting for a record nobody writes, so it is refused when the application
 * starts. A batch's commit waits for PostgreSQL, not for its disk, unless told to
 * (decision 35).
 */
class SecretReadRecorderSettingsTest {

	private static final DataSource NOT_USED = null;

	@Test
	void noWriterIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretReadRecorder(NOT_USED, true, 0))
			.withMessageContaining("lockstep.audit.secret-read-writers must be at least 1, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretReadRecorder(NOT_USED, true, -2));
	}

	@Test
	void oneWriterOrMoreIsTaken() {
		assertThatNoException().isThrownBy(() -> new SecretReadRecorder(NOT_USED, true, 1));
		assertThatNoException().isThrownBy(() -> new SecretReadRecorder(NOT_USED, false, 4));
	}

	@Test
	void byDefaultACommitDoesNotWaitForTheDiskFlush() throws NoSuchMethodException {
		Value setting = SecretReadRecorder.class.getDeclaredConstructor(DataSource.class, boolean.class, int.class)
			.getParameters()[1].getAnnotation(Value.class);

		assertThat(setting.value()).isEqualTo("${lockstep.audit.secret-reads-synchronous-commit:false}");
	}

}
