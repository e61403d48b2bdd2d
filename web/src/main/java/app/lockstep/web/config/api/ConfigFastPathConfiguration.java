package app.lockstep.web.config.api;

import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.token.AuthenticateApiToken;
import app.lockstep.web.ops.LockstepMeters;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link ConfigFastPath} after the filters every request needs first (the
 * request id and log context, the HTTP observation, the public URL, the input limits, the
 * session store's outage guard and Spring Session) and before Spring Security.
 * {@code lockstep.config.fast-path.enabled=false} leaves every poll to the normal path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lockstep.config.fast-path.enabled", havingValue = "true", matchIfMissing = true)
class ConfigFastPathConfiguration {

	/** After Spring Session's filter (Integer.MIN_VALUE + 50). */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 60;

	@Bean
	ConfigFastPath configFastPath(AuthenticateApiToken tokens, ResolveMembership memberships,
			ReadConfigForDeployment read, ConfigRendering rendering, LockstepMeters meters) {
		return new ConfigFastPath(tokens, memberships, read, rendering, meters);
	}

	@Bean
	FilterRegistrationBean<ConfigFastPath> configFastPathRegistration(ConfigFastPath fastPath) {
		FilterRegistrationBean<ConfigFastPath> registration = new FilterRegistrationBean<>(fastPath);
		registration.addUrlPatterns("/api/v1/orgs/*");
		registration.setOrder(ORDER);
		return registration;
	}

}
