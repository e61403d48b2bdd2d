package app.lockstep.persistence.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Read-your-writes on this instance: when a statement of this instance writes a table
 * that cached entries come from, the caches of that kind are emptied here as soon as its
 * transaction commits, without waiting for the database's announcement (which the other
 * instances get, and this one too, a few milliseconds later).
 */
@Configuration(proxyBeanMethods = false)
class LocalWrites {

	/**
	 * The tables of migrations V11's, V30's and V33's triggers and the kinds their
	 * changes invalidate.
	 */
	private static final Map<String, List<String>> KINDS = Map.ofEntries(Map.entry("\"api_tokens\"", List.of("token")),
			Map.entry("\"memberships\"", List.of("member")),
			Map.entry("\"organizations\"", List.of("member", "config", "token")),
			Map.entry("\"users\"", List.of("member", "token")), Map.entry("\"config_revisions\"", List.of("config")),
			Map.entry("\"projects\"", List.of("config")), Map.entry("\"environments\"", List.of("config")),
			Map.entry("\"deployments\"", List.of("approvals")),
			Map.entry("\"deployment_approvals\"", List.of("approvals")),
			Map.entry("\"approval_policies\"", List.of("approvals")),
			Map.entry("\"organization_gates\"", List.of("approvals")));

	/**
	 * Tables whose trigger fires on an update of these columns only (V11): an update that
	 * names none of them (a person's last organization, remembered on every dashboard
	 * view; a token's last use) changes nothing cached. Naming one anywhere in the
	 * statement counts, so a doubt empties the caches.
	 */
	private static final Map<String, List<String>> UPDATES_THAT_MATTER = Map.of("\"users\"",
			List.of("\"name\"", "\"email\""), "\"api_tokens\"", List.of("\"revoked_at\"", "\"expires_at\"",
					"\"scopes\"", "\"project_slug\"", "\"environment_name\"", "\"name\"", "\"created_by\""));

	@Bean
	ExecuteListenerProvider localWritesListener(DatabaseInvalidations invalidations) {
		return new DefaultExecuteListenerProvider(new Listener(invalidations));
	}

	private record Listener(DatabaseInvalidations invalidations) implements ExecuteListener {

		@Override
		public void executeEnd(ExecuteContext context) {
			String sql = context.sql();
			if (sql == null || !writes(sql)) {
				return;
			}
			Set<String> kinds = new LinkedHashSet<>();
			boolean update = sql.stripLeading().regionMatches(true, 0, "update", 0, 6);
			KINDS.forEach((table, invalidated) -> {
				if (sql.contains(table) && !(update && changesNothingCached(sql, table))) {
					kinds.addAll(invalidated);
				}
			});
			if (kinds.isEmpty()) {
				return;
			}
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						Listener.this.invalidations.invalidateHere(kinds);
					}
				});
			}
			else {
				this.invalidations.invalidateHere(kinds);
			}
		}

		private static boolean changesNothingCached(String sql, String table) {
			List<String> columns = UPDATES_THAT_MATTER.get(table);
			return columns != null && columns.stream().noneMatch(sql::contains);
		}

		private static boolean writes(String sql) {
			String start = sql.stripLeading().toLowerCase(Locale.ROOT);
			return start.startsWith("insert") || start.startsWith("update") || start.startsWith("delete")
					|| start.startsWith("merge") || start.startsWith("with");
		}

	}

}
