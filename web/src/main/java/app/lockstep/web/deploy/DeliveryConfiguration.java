package app.lockstep.web.deploy;

import java.time.Duration;

import app.lockstep.domain.deploy.DeliverySettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dispatcher's delivery settings, from {@code lockstep.deployments.*}. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	DeliverySettings deliverySettings(@Value("${lockstep.deployments.delivery-attempts:6}") int attempts,
			@Value("${lockstep.deployments.retry-base:10s}") Duration retryBase,
			@Value("${lockstep.deployments.delivery-lease:5s}") Duration lease) {
		return new DeliverySettings(attempts, retryBase, lease);
	}

}
