package app.lockstep.web.demo;

import java.util.List;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.tenancy.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Realistic demo configs with a history and a deliberate drift: shop's staging runs php
 * 8.3 with a new checkout flag while production still runs php 8.2; api's production runs
 * redis 7.0 where staging has 7.2.
 */
final class DemoConfigs {

	private static final String SHOP = """
			applications:
			  drupal:
			    type: php:%s
			    relationships:
			      database: "db:mysql"
			      redis: "cache:redis"
			    mounts:
			      web/sites/default/files:
			        source: storage
			        source_path: files
			services:
			  db:
			    type: mariadb:10.11
			    disk: 2048
			  cache:
			    type: redis:7.2
			""";

	private static final String API = """
			applications:
			  api:
			    type: python:3.12
			    relationships:
			      database: "db:postgresql"
			      cache: "cache:redis"
			services:
			  db:
			    type: postgresql:16
			    disk: 4096
			  cache:
			    type: redis:%s
			""";

	private DemoConfigs() {
	}

	static void seed(SaveConfigRevision save, Caller owner) {
		save(save, owner, "shop", null, null, "", List.of(plain("APP_NAME", "shop"), plain("LOG_LEVEL", "info")),
				"Shared defaults");
		save(save, owner, "shop", "development", null, SHOP.formatted("8.3"), List
			.of(plain("DRUPAL_ENV", "development"), secret("DB_PASSWORD", "dev-password"), plain("LOG_LEVEL", "debug")),
				"First config");
		ConfigRevision staging = save(
				save, owner, "shop", "staging", null, SHOP.formatted("8.2"), List.of(plain("DRUPAL_ENV", "staging"),
						secret("DB_PASSWORD", "staging-password"), plain("SMTP_HOST", "smtp.staging.internal")),
				"First config");
		save(save, owner, "shop", "staging", staging.number(), SHOP.formatted("8.3"),
				List.of(plain("DRUPAL_ENV", "staging"), secret("DB_PASSWORD", null),
						plain("SMTP_HOST", "smtp.staging.internal"), plain("FEATURE_NEW_CHECKOUT", "true")),
				"PHP 8.3 and the new checkout");
		save(save, owner, "shop", "production", null, SHOP.formatted("8.2"), List.of(plain("DRUPAL_ENV", "production"),
				secret("DB_PASSWORD", "production-password"), plain("SMTP_HOST", "smtp.internal")), "First config");

		save(save, owner, "api", "development", null, API.formatted("7.2"),
				List.of(plain("DJANGO_SETTINGS_MODULE", "api.settings.dev"), secret("SECRET_KEY", "dev-secret-key")),
				"First config");
		save(save, owner, "api", "staging", null, API.formatted("7.2"),
				List.of(plain("DJANGO_SETTINGS_MODULE", "api.settings.prod"),
						secret("SECRET_KEY", "staging-secret-key"), plain("ALLOWED_HOSTS", "api.staging.acme.test")),
				"First config");
		save(save, owner, "api", "production", null, API.formatted("7.0"),
				List.of(plain("DJANGO_SETTINGS_MODULE", "api.settings.prod"),
						secret("SECRET_KEY", "production-secret-key"), plain("ALLOWED_HOSTS", "api.acme.test")),
				"First config");
	}

	private static ConfigRevision save(SaveConfigRevision save, Caller owner, String project,
			@Nullable String environment, @Nullable Integer base, String infrastructure, List<VariableInput> variables,
			String message) {
		return save.save(owner,
				new SaveConfigRevision.Command(project, environment, base, infrastructure, variables, message));
	}

	private static VariableInput plain(String name, String value) {
		return new VariableInput(name, value, false, Visibility.BOTH);
	}

	private static VariableInput secret(String name, @Nullable String value) {
		return new VariableInput(name, value, true, Visibility.RUNTIME);
	}

}
