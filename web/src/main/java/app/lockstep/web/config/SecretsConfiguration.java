package app.lockstep.web.config;

import app.lockstep.domain.config.SecretCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The secret cipher the config, webhook and deploy target use cases seal with (it refuses
 * to start without a key outside demo mode).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsKeys.class)
class SecretsConfiguration {

	@Bean
	SecretCipher secretCipher(SecretsKeys keys, @Value("${lockstep.demo:false}") boolean demo) {
		return keys.cipher(demo);
	}

}
