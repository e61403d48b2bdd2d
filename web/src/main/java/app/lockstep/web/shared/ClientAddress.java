package app.lockstep.web.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request's IP address as the audit trail records it (proxies are honoured via
 * server.forward-headers-strategy).
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
