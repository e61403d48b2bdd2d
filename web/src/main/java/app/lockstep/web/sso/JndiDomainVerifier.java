package app.lockstep.web.sso;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

import app.lockstep.domain.sso.DomainVerifier;

import org.springframework.stereotype.Component;

/**
 * Asks the system's DNS resolvers for a domain's TXT records through the JDK's own DNS
 * provider ({@code com.sun.jndi.dns}): no library, and the resolvers of
 * {@code /etc/resolv.conf}. A TXT record split into several strings is joined, as RFC
 * 7208 does for SPF.
 */
@Component
class JndiDomainVerifier implements DomainVerifier {

	@Override
	public List<String> txtRecords(String domain) {
		Hashtable<String, String> environment = new Hashtable<>();
		environment.put(javax.naming.Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
		environment.put("com.sun.jndi.dns.timeout.initial", "2000");
		environment.put("com.sun.jndi.dns.timeout.retries", "2");
		DirContext context = null;
		try {
			context = new InitialDirContext(environment);
			Attributes attributes = context.getAttributes("dns:/" + domain, new String[] { "TXT" });
			Attribute txt = attributes.get("TXT");
			List<String> records = new ArrayList<>();
			if (txt != null) {
				NamingEnumeration<?> values = txt.getAll();
				while (values.hasMore()) {
					records.add(joined(String.valueOf(values.next())));
				}
			}
			return records;
		}
		catch (NameNotFoundException ex) {
			return List.of();
		}
		catch (NamingException ex) {
			throw new LookupFailedException("The DNS did not answer for " + domain, ex);
		}
		finally {
			if (context != null) {
				try {
					context.close();
				}
				catch (NamingException ex) {
					// nothing held open
				}
			}
		}
	}

	/**
	 * JNDI gives a TXT record's strings as one value, each quoted when there are several
	 * ({@code "v=abc" "def"}); the record's text is their concatenation.
	 */
	static String joined(String value) {
		String trimmed = value.strip();
		if (!trimmed.startsWith("\"")) {
			return trimmed;
		}
		StringBuilder text = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\' && quoted && i + 1 < trimmed.length()) {
				text.append(trimmed.charAt(++i));
			}
			else if (quoted) {
				text.append(c);
			}
		}
		return text.toString();
	}

}
