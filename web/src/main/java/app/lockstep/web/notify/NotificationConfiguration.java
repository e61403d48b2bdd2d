package app.lockstep.web.notify;

import java.time.Duration;

import app.lockstep.domain.notify.NotificationSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How notices are sent, from {@code lockstep.notifications.*}. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	NotificationSettings notificationSettings(@Value("${lockstep.notifications.attempts:6}") int attempts,
			@Value("${lockstep.notifications.retry-base:30s}") Duration retryBase,
			@Value("${lockstep.notifications.lease:2m}") Duration lease) {
		return new NotificationSettings(attempts, retryBase, lease);
	}

}
