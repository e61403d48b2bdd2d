package app.lockstep.web.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests in ops/k8s (kustomize) hold what a platform team relies on:
 * every file the kustomization lists exists and every manifest there is listed; two or
 * more replicas that never drop below the count during a rollout; probes on the Actuator
 * health groups the application really exposes; a PodDisruptionBudget selecting the pods;
 * resources; the keys and database passwords from a Secret, never in plain config; each
 * environment variable naming a setting the application reads; and a grace period longer
 * than the application's graceful shutdown.
 */
class KubernetesManifestsTest {

	private static final Path K8S = Path.of("..", "ops", "k8s");

	private static final Set<String> SECRET_KEYS = Set.of("SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_PASSWORD",
			"LOCKSTEP_SECRETS_KEY", "LOCKSTEP_AUDIT_SIGNING_KEY", "LOCKSTEP_METRICS_TOKEN");

	private static final List<Map<String, Object>> manifests = new ArrayList<>();

	private static Map<String, Object> kustomization;

	private static Properties application;

	@BeforeAll
	static void read() throws IOException {
		Yaml yaml = new Yaml();
		kustomization = yaml.load(Files.readString(K8S.resolve("kustomization.yaml")));
		for (Object resource : list(kustomization, "resources")) {
			for (Object document : yaml.loadAll(Files.readString(K8S.resolve((String) resource)))) {
				manifests.add(map(document));
			}
		}
		application = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
			application.load(in);
		}
	}

	@Test
	void theKustomizationListsExactlyTheManifestsThere() throws IOException {
		Set<String> files = new TreeSet<>();
		try (Stream<Path> paths = Files.list(K8S)) {
			paths.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
				.forEach(files::add);
		}
		assertThat(new TreeSet<>(list(kustomization, "resources"))).isEqualTo(files);
		assertThat(kustomization.get("namespace")).isEqualTo("lockstep");
	}

	@Test
	void twoOrMoreReplicasRollOutWithoutDroppingBelowTheCount() {
		Map<String, Object> deployment = only("Deployment");
		assertThat((Integer) map(deployment.get("spec")).get("replicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> rolling = map(map(map(deployment.get("spec")).get("strategy")).get("rollingUpdate"));
		assertThat(rolling.get("maxUnavailable")).isEqualTo(0);
	}

	@Test
	void probesUseTheHealthGroupsTheApplicationExposes() {
		Map<String, Object> container = container();
		assertThat(application.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
		assertThat(application.getProperty("management.endpoint.health.group.readiness.include"))
			.as("readiness includes the database")
			.contains("db");
		assertThat(application.getProperty("management.endpoint.health.group.liveness.include"))
			.as("liveness does not restart a pod for a database outage")
			.doesNotContain("db");
		Map<String, Object> port = map(list(container, "ports").get(0));
		assertThat(port.get("containerPort")).isEqualTo(8080);
		assertThat(application.getProperty("server.port")).contains("8080");
	}

	@Test
	void aDisruptionBudgetKeepsAnInstanceUp() {
		Map<String, Object> pdb = only("PodDisruptionBudget");
		Map<String, Object> spec = map(pdb.get("spec"));
		assertThat(spec.get("maxUnavailable")).isEqualTo(1);
		assertThat(map(spec.get("selector")).get("matchLabels"))
			.isEqualTo(map(map(map(only("Deployment").get("spec")).get("selector")).get("matchLabels")));
		assertThat(map(map(only("Service").get("spec")).get("selector")))
			.isEqualTo(map(map(map(only("Deployment").get("spec")).get("selector")).get("matchLabels")));
	}

	@Test
	void resourcesAreRequestedAndMemoryIsBounded() {
		Map<String, Object> resources = map(container().get("resources"));
		assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
		assertThat(map(resources.get("limits"))).containsKey("memory");
	}

	@Test
	void keysAndPasswordsComeFromTheSecretAndEveryVariableIsASettingTheApplicationReads() {
		Map<String, Object> secret = only("Secret");
		assertThat(map(secret.get("stringData")).keySet()).containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
		Map<String, Object> config = map(only("ConfigMap").get("data"));
		assertThat(config.keySet()).as("no secret in the ConfigMap").doesNotContainAnyElementsOf(SECRET_KEYS);
		for (String key : config.keySet()) {
			assertThat(key.contains("PASSWORD") || key.endsWith("_KEY") || key.endsWith("_TOKEN")).as(key).isFalse();
		}
		List<String> sources = list(container(), "envFrom").stream()
			.map(KubernetesManifestsTest::map)
			.map((source) -> source.containsKey("secretRef") ? "secret:" + map(source.get("secretRef")).get("name")
					: "config:" + map(source.get("configMapRef")).get("name"))
			.toList();
		assertThat(sources).containsExactlyInAnyOrder("secret:" + map(secret.get("metadata")).get("name"),
				"config:" + map(only("ConfigMap").get("metadata")).get("name"));
		Set<String> variables = new TreeSet<>(config.keySet());
		variables.addAll(SECRET_KEYS);
		for (String variable : variables) {
			assertThat(readByTheApplication(variable)).as(variable + " is a setting the application reads").isTrue();
		}
	}

	@Test
	void theGracePeriodOutlastsTheGracefulShutdown() {
		assertThat(application.getProperty("server.shutdown")).isEqualTo("graceful");
		Duration phase = DurationStyle
			.detectAndParse(application.getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
		Map<String, Object> pod = map(map(map(only("Deployment").get("spec")).get("template")).get("spec"));
		int grace = (Integer) pod.get("terminationGracePeriodSeconds");
		List<Object> preStop = list(map(map(map(container().get("lifecycle")).get("preStop")).get("exec")), "command");
		int sleep = Integer.parseInt((String) preStop.get(1));
		// preStop, then the web server's phase, then the scheduler's 30 s for deliveries
		assertThat(grace).isGreaterThan(sleep + (int) phase.toSeconds() + 30);
	}

	@Test
	void thePodRunsUnprivileged() {
		Map<String, Object> pod = map(map(map(only("Deployment").get("spec")).get("template")).get("spec"));
		assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
		Map<String, Object> container = map(container().get("securityContext"));
		assertThat(container.get("allowPrivilegeEscalation")).isEqualTo(false);
		assertThat(container.get("readOnlyRootFilesystem")).isEqualTo(true);
		assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
	}

	/**
	 * A Spring Boot property (SPRING_…, LOGGING_…), a placeholder application.properties
	 * resolves (LOCKSTEP_DB_POOL_SIZE), or a property the application's code reads with
	 * {@code @Value} or under a {@code @ConfigurationProperties} prefix, in its
	 * environment form (LOCKSTEP_PUBLIC_URL for lockstep.public-url).
	 */
	private static boolean readByTheApplication(String variable) {
		if (variable.startsWith("SPRING_") || variable.startsWith("LOGGING_") || variable.equals("JAVA_TOOL_OPTIONS")) {
			return true;
		}
		for (String name : application.stringPropertyNames()) {
			if (application.getProperty(name).contains("${" + variable + ":")
					|| environmentForm(name).equals(variable)) {
				return true;
			}
		}
		return codeProperties().stream()
			.anyMatch((property) -> environmentForm(property).equals(variable) || property.startsWith("prefix:")
					&& variable.startsWith(environmentForm(property.substring(7)) + "_"));
	}

	private static String environmentForm(String property) {
		return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/**
	 * Every ${property} and @ConfigurationProperties("prefix") in the application's code.
	 */
	private static Set<String> codeProperties() {
		Set<String> properties = new TreeSet<>();
		java.util.regex.Pattern value = java.util.regex.Pattern.compile("\\$\\{([a-z0-9.-]+)[:}]");
		java.util.regex.Pattern prefix = java.util.regex.Pattern
			.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				java.util.regex.Matcher found = value.matcher(code);
				while (found.find()) {
					properties.add(found.group(1));
				}
				found = prefix.matcher(code);
				while (found.find()) {
					properties.add("prefix:" + found.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return properties;
	}

	private static Map<String, Object> container() {
		Map<String, Object> pod = map(map(map(only("Deployment").get("spec")).get("template")).get("spec"));
		return map(list(pod, "containers").get(0));
	}

	private static String probePath(Map<String, Object> container, String probe) {
		return (String) map(map(container.get(probe)).get("httpGet")).get("path");
	}

	private static Map<String, Object> only(String kind) {
		List<Map<String, Object>> found = manifests.stream().filter((m) -> kind.equals(m.get("kind"))).toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> map, String key) {
		assertThat(map.get(key)).as(key).isInstanceOf(List.class);
		return (List<Object>) map.get(key);
	}

}
