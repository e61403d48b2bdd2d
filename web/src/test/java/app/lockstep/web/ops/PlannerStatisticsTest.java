package app.lockstep.web.ops;

import java.util.List;

import app.lockstep.persistence.testing.TestDatabase;
import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner knows that a project and an environment belong to one organization (V32).
 * Without these functional-dependency statistics it estimated one row for any project and
 * looked a commit up by walking its branch instead of the primary key (README "Pages at
 * scale: measured"); the effect is measured by ops/bench/pages, this guards that the
 * statistics exist and have been gathered.
 */
@LockstepTest
class PlannerStatisticsTest {

	@Test
	void dependencyStatisticsExistOnTheTenantTablesKeyedByProject() {
		List<String> statistics = new JdbcTemplate(TestDatabase.get().superuserDataSource()).queryForList("""
				select c.relname || ':' || s.stxname
				from pg_statistic_ext s join pg_class c on c.oid = s.stxrelid
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'lockstep' and 'f' = any (s.stxkind)
				""", String.class);
		assertThat(statistics).contains("code_changes:code_changes_project_in_org",
				"artifacts:artifacts_project_in_org", "environments:environments_project_in_org",
				"config_revisions:config_revisions_scope_in_org", "deployments:deployments_environment_in_org");
	}

}
