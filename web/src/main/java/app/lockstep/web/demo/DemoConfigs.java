package app.lockstep.web.demo;

import java.util.List;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.access.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Realistic demo configs with a history and a deliberate drift: shop's staging runs php
 * 8.4 with a new checkout flag while production still runs php 8.3 (deprecated on Upsun,
 * so its page shows a warning); api's production runs redis 7.2 where staging has 8.0.
 * The specs are written as teams write .upsun/config.yaml: comments, routes, hooks,
 * crons.
 */
final class DemoConfigs {

	private static final String SHOP = """
			# Shop: Drupal with MariaDB and Redis.
			applications:
			  drupal:
			    type: "php:%s"

			    relationships:
			      database: "db:mysql"
			      redis: "cache:redis"

			    mounts:
			      web/sites/default/files:
			        source: storage
			        source_path: files
			      /tmp:
			        source: tmp

			    build:
			      flavor: composer

			    hooks:
			      deploy: |
			        set -e
			        drush -y updatedb
			        drush -y config-import

			    web:
			      locations:
			        "/":
			          root: web
			          passthru: "/index.php"
			          expires: 5m

			    crons:
			      drupal:
			        spec: "*/19 * * * *"
			        commands:
			          start: drush core-cron

			services:
			  db:
			    type: mariadb:11.4   # pinned with the production dump
			  cache:
			    type: redis:8.0

			routes:
			  "https://{default}/":
			    type: upstream
			    upstream: "drupal:http"
			    cache:
			      enabled: true
			  "https://www.{default}/":
			    type: redirect
			    to: "https://{default}/"
			""";

	private static final String API = """
			# API: Django on Python, PostgreSQL and a Redis cache.
			applications:
			  api:
			    type: "python:3.13"
			    relationships:
			      database: "db:postgresql"
			      cache: "cache:redis"
			    dependencies:
			      python3:
			        uv: "*"
			    hooks:
			      build: uv sync --frozen
			      deploy: uv run python manage.py migrate --no-input
			    web:
			      commands:
			        start: uv run gunicorn api.wsgi --bind unix:$SOCKET
			      upstream:
			        socket_family: unix
			services:
			  db:
			    type: postgresql:18
			  cache:
			    type: redis:%s
			routes:
			  "https://api.{default}/":
			    type: upstream
			    upstream: "api:http"
			""";

	private DemoConfigs() {
	}

	static void seed(SaveConfigRevision save, Caller owner) {
		save(save, owner, "shop", null, null, "", List.of(plain("APP_NAME", "shop"), plain("LOG_LEVEL", "info")),
				"Shared defaults");
		save(save, owner, "shop", "development", null, SHOP.formatted("8.4"), List
			.of(plain("DRUPAL_ENV", "development"), secret("DB_PASSWORD", "dev-password"), plain("LOG_LEVEL", "debug")),
				"First config");
		ConfigRevision staging = save(
				save, owner, "shop", "staging", null, SHOP.formatted("8.3"), List.of(plain("DRUPAL_ENV", "staging"),
						secret("DB_PASSWORD", "staging-password"), plain("SMTP_HOST", "smtp.staging.internal")),
				"First config");
		save(save, owner, "shop", "staging", staging.number(), SHOP.formatted("8.4"),
				List.of(plain("DRUPAL_ENV", "staging"), secret("DB_PASSWORD", null),
						plain("SMTP_HOST", "smtp.staging.internal"), plain("FEATURE_NEW_CHECKOUT", "true")),
				"PHP 8.4 and the new checkout");
		save(save, owner, "shop", "production", null, SHOP.formatted("8.3"), List.of(plain("DRUPAL_ENV", "production"),
				secret("DB_PASSWORD", "production-password"), plain("SMTP_HOST", "smtp.internal")), "First config");

		save(save, owner, "api", "development", null, API.formatted("8.0"),
				List.of(plain("DJANGO_SETTINGS_MODULE", "api.settings.dev"), secret("SECRET_KEY", "dev-secret-key")),
				"First config");
		save(save, owner, "api", "staging", null, API.formatted("8.0"),
				List.of(plain("DJANGO_SETTINGS_MODULE", "api.settings.prod"),
						secret("SECRET_KEY", "staging-secret-key"), plain("ALLOWED_HOSTS", "api.staging.acme.test")),
				"First config");
		save(save, owner, "api", "production", null, API.formatted("7.2"),
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
