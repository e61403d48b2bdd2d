package app.lockstep.domain.config.spec;

/**
 * Specs written the way teams write .upsun/config.yaml: comments, quotes, blank lines,
 * every section. The real files of public projects are in resources/upsun-corpus.
 */
final class UpsunSpecs {

	static final String DRUPAL = """
			# Drupal on Upsun: one PHP application, MariaDB and Redis.
			applications:
			  drupal:
			    type: 'php:8.4'

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
			      build: |
			        set -e
			        composer install --no-dev
			      deploy: |
			        set -e
			        drush -y updatedb   # schema first
			        drush -y config-import

			    web:
			      locations:
			        "/":
			          root: web
			          passthru: "/index.php"
			          expires: 5m
			        "/sites/default/files":
			          allow: true
			          scripts: false

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

	private UpsunSpecs() {
	}

}
