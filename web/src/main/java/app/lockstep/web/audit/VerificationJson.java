package app.lockstep.web.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import app.lockstep.domain.audit.ChainVerification;

/**
 * A verification as the API answers it: {@code {"verified": true, "events", "headSeq",
 * "headHash"}} or {@code {"verified": false, "firstBrokenSeq", "reason"}}.
 */
public final class VerificationJson {

	private VerificationJson() {
	}

	public static Map<String, Object> of(ChainVerification verification) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("verified", verification.verified());
		switch (verification) {
			case ChainVerification.Verified verified -> {
				json.put("events", verified.events());
				json.put("headSeq", verified.headSeq());
				json.put("headHash", verified.headHash());
			}
			case ChainVerification.Broken broken -> {
				json.put("firstBrokenSeq", broken.firstBrokenSeq());
				json.put("reason", broken.reason());
			}
		}
		return json;
	}

}
