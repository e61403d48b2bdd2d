package app.lockstep.web.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Spring Session JDBC, made safe for concurrent requests of one session (a page and its
 * htmx requests, two tabs): Spring Session's PostgreSQL customizer writes attributes with
 * an upsert, so two requests that both set an attribute for the first time (such as the
 * flash map after a form) do not fail on its primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentSessionAttributeWrites() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
