package app.lockstep.web.audit;

import app.lockstep.domain.audit.CheckpointSigner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The checkpoint signing key the audit use cases sign with (refused at start-up outside
 * demo mode when missing), and the daily checkpoint schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSigningKey.class)
@EnableScheduling
class AuditConfiguration {

	@Bean
	CheckpointSigner checkpointSigner(AuditSigningKey key, @Value("${lockstep.demo:false}") boolean demo) {
		return key.signer(demo);
	}

}
