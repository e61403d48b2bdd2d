package app.lockstep.web.shared;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection of the application's pool runs without PostgreSQL's JIT compilation,
 * which made audit pages on a 10M-event trail take hundreds of milliseconds whenever a
 * plan's estimated cost crossed {@code jit_above_cost}.
 */
@LockstepTest
class DatabaseSessionSettingsTest {

	@Autowired
	DataSource dataSource;

	@Test
	void queriesAreNotJitCompiled() throws Exception {
		assertEveryPooledConnection("jit", "off");
	}

	private void assertEveryPooledConnection(String setting, String value) throws Exception {
		for (int i = 0; i < 3; i++) {
			try (Connection connection = this.dataSource.getConnection();
					ResultSet result = connection.createStatement()
						.executeQuery("select current_setting('" + setting + "')")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo(value);
			}
		}
	}

}
