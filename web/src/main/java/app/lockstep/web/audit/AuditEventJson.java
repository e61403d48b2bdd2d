package app.lockstep.web.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.audit.AuditChain;
import app.lockstep.domain.audit.AuditEvent;
import app.lockstep.domain.shared.OrgId;
import org.jspecify.annotations.Nullable;

/**
 * An event as the API and the JSON Lines export write it: exactly the fields of its
 * canonical form ({@code seq}, {@code at}, {@code actor}, {@code action}, {@code target},
 * {@code project}, {@code environment}, {@code details}, {@code ip}, {@code org}) plus
 * {@code prevHash} and {@code hash}, so that removing those two and writing the rest
 * canonically gives back what was hashed.
 */
public final class AuditEventJson {

	private AuditEventJson() {
	}

	public static Map<String, @Nullable Object> of(OrgId org, AuditEvent event) {
		Map<String, @Nullable Object> json = new LinkedHashMap<>(AuditChain.fields(org, event));
		json.put("prevHash", event.prevHash());
		json.put("hash", event.hash());
		return json;
	}

	/**
	 * One line of the JSON Lines export: the event in canonical form, hashes included.
	 */
	public static String line(OrgId org, AuditEvent event) {
		return AuditChain.canonicalJsonWithHashes(org, event);
	}

}
