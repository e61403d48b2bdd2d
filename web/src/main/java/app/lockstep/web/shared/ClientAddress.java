package app.lockstep.web.shared;

import java.net.Inet6Address;
import java.net.InetAddress;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request's IP address as the audit trail records it and the rate limits count it. It
 * is the peer of the connection; only with {@code server.forward-headers-strategy} set
 * does Tomcat take it from {@code X-Forwarded-For}, and then only when the peer is a
 * trusted proxy ({@code server.tomcat.remoteip.internal-proxies}).
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	/**
	 * The network a rate limit counts: the address itself for IPv4, its /64 for IPv6 (one
	 * subscriber usually holds a whole /64, so counting single addresses would let them
	 * pick a fresh one for every request).
	 */
	public static String network(HttpServletRequest request) {
		String address = of(request);
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			InetAddress parsed = InetAddress.ofLiteral(address);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				StringBuilder prefix = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
				}
				return prefix.append(":/64").toString();
			}
			return parsed.getHostAddress();
		}
		catch (IllegalArgumentException ex) {
			return address;
		}
	}

}
