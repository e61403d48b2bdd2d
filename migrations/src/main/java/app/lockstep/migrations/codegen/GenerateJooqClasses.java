package app.lockstep.migrations.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.ForcedTypeObjectType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.LambdaConverter;
import org.jooq.meta.jaxb.Target;

/**
 * Build tool: migrates a throw-away embedded PostgreSQL with the real Flyway migrations
 * and generates the jOOQ classes from what PostgreSQL then reports. Run by the
 * persistence module at generate-sources, so a change to a migration is always reflected
 * in the generated code and a stale schema cannot compile.
 */
public final class GenerateJooqClasses {

	/**
	 * Changes with the generator's settings below, so that changing them regenerates the
	 * classes even when no migration changed.
	 */
	private static final String SETTINGS = "instant-1,ids-2";

	private GenerateJooqClasses() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			throw new IllegalArgumentException(
					"usage: GenerateJooqClasses <output directory> <package> <migrations directory>");
		}
		Path output = Path.of(args[0]);
		String packageName = args[1];
		Path stamp = output.resolve(".migrations-hash");
		String hash = MigrationsHash.compute(Path.of(args[2])) + "+" + SETTINGS;
		if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
			System.out.println("jOOQ classes are up to date with the migrations (" + hash.substring(0, 12) + ")");
			return;
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create role lockstep_app login nosuperuser nobypassrls password 'codegen'");
			}
			Flyway.configure()
				.dataSource(url, "postgres", null)
				.schemas("lockstep")
				.placeholders(Map.of("app_role", "lockstep_app"))
				.load()
				.migrate();
			GenerationTool.generate(configuration(url, output, packageName));
		}
		Files.createDirectories(output);
		Files.writeString(stamp, hash);
	}

	/**
	 * A uuid column holding a typed id: the generated field is of the id's type,
	 * converted by the id's constructor and {@code value()}.
	 */
	private static ForcedType id(String type, String columns) {
		return new ForcedType().withUserType(type)
			.withLambdaConverter(new LambdaConverter().withFrom(type + "::new").withTo(type + "::value"))
			.withIncludeExpression(columns)
			.withIncludeTypes("uuid")
			.withObjectType(ForcedTypeObjectType.COLUMN);
	}

	private static Configuration configuration(String url, Path output, String packageName) {
		return new Configuration()
			.withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres"))
			.withGenerator(new Generator().withDatabase(new Database()
				.withName("org.jooq.meta.postgres.PostgresDatabase")
				.withInputSchema("lockstep")
				.withIncludes(".*")
				.withExcludes("flyway_schema_history")
				// Every timestamptz is an Instant in Java: the domain speaks Instant.
				.withForcedTypes(
						new ForcedType().withName("INSTANT")
							.withIncludeTypes("timestamp\\ with\\ time\\ zone|timestamptz"),
						id("app.lockstep.domain.shared.OrgId",
								".*\\.org_id|.*\\.organizations\\.id|.*\\.users\\.last_org_id"),
						id("app.lockstep.domain.project.ProjectId", ".*\\.project_id|.*\\.projects\\.id"),
						id("app.lockstep.domain.project.EnvironmentId",
								".*\\.environment_id|.*\\.parent_environment_id|.*\\.environments\\.id"),
						id("app.lockstep.domain.deploy.DeploymentId",
								".*\\.deployments\\.id|.*\\.(deployment_approvals|automatic_deployments)\\.deployment_id"),
						id("app.lockstep.domain.code.ArtifactId",
								".*\\.artifact_id|.*\\.previous_artifact_id|.*\\.artifacts\\.id"),
						id("app.lockstep.domain.shared.UserId",
								".*\\.users\\.id|.*\\.(memberships|two_factor_secrets|two_factor_recovery_codes)\\.user_id"
										+ "|.*\\.(api_tokens|organization_freezes)\\.created_by|.*\\.invitations\\.(invited_by|accepted_by)"
										+ "|.*\\.deployment_approvals\\.approver_id|.*\\.deployments\\.(requested_by_user|reviewed_by)"
										+ "|.*\\.(environment_windows|organization_windows)\\.updated_by|.*\\.(auto_deploy_rules|branch_environment_rules)\\.updated_by_user"),
						id("app.lockstep.domain.window.FreezeId", ".*\\.organization_freezes\\.id")))
				.withGenerate(new Generate().withRecords(true)
					.withPojos(false)
					.withDaos(false)
					.withJavaTimeTypes(true)
					.withGeneratedAnnotation(false))
				.withTarget(
						new Target().withPackageName(packageName).withDirectory(output.toString()).withClean(true)));
	}

}
