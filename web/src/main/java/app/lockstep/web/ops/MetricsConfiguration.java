package app.lockstep.web.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the meters that watch the application from outside its features. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	static BeanPostProcessor meteredAuditLog(ObjectProvider<LockstepMeters> meters) {
		return MeteredAuditLog.wrapping(meters);
	}

	@Bean
	static BeanPostProcessor meteredDeployerClient(ObjectProvider<LockstepMeters> meters) {
		return MeteredDeployerClient.wrapping(meters);
	}

	@Bean
	FilterRegistrationBean<ConfigReadMetrics> configReadMetrics(LockstepMeters meters) {
		FilterRegistrationBean<ConfigReadMetrics> registration = new FilterRegistrationBean<>(
				new ConfigReadMetrics(meters));
		registration.addUrlPatterns("/api/v1/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
