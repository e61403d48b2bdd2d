package app.lockstep.web.ops;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the two filters of {@link LogContext}. */
@Configuration(proxyBeanMethods = false)
class LogContextConfiguration {

	/** Spring Security's filter chain runs at -100 (SecurityFilterProperties). */
	private static final int AFTER_SECURITY = -100 + 1;

	@Bean
	FilterRegistrationBean<LogContext.RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<LogContext.RequestIdFilter> registration = new FilterRegistrationBean<>(
				new LogContext.RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<LogContext.ActorFilter> actorFilter() {
		FilterRegistrationBean<LogContext.ActorFilter> registration = new FilterRegistrationBean<>(
				new LogContext.ActorFilter());
		registration.setOrder(AFTER_SECURITY);
		return registration;
	}

}
