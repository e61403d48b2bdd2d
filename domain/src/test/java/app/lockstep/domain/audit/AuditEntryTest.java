package app.lockstep.domain.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEntryTest {

	@Test
	void changesRecordOnlyTheFieldsThatDifferWithBeforeAndAfter() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("name", "Shop");
		before.put("slug", "shop");
		before.put("description", null);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("name", "Online shop");
		after.put("description", "Now described");
		AuditEntry entry = AuditEntry.of("project.updated", "project", "1").changes(before, after).build();
		assertThat(entry.details()).containsOnlyKeys("changes");
		assertThat(entry.details().get("changes"))
			.isEqualTo(Map.of("name", Map.of("before", "Shop", "after", "Online shop"), "description",
					Map.of("before", "", "after", "Now described")));
	}

}
