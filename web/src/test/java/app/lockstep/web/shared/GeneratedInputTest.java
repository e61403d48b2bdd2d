package app.lockstep.web.shared;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.web.project.ProjectTestSupport;
import app.lockstep.web.testing.LockstepTest;
import com.jayway.jsonpath.JsonPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Generated hostile input against every API route, taken from the application's own route
 * list (so a new route is walked too): path variables, query parameters, headers and JSON
 * bodies shaped like each route's body type, filled with NUL characters, huge and
 * malformed text, wrong types, extreme numbers and dates. Sent over real HTTP as an owner
 * with every scope, in an organization of its own. Every answer must come within 20 s,
 * never be a 5xx, be problem+json with the protective headers when it is a refusal, leave
 * the config revisions as they were unless it was accepted, and leave the server healthy
 * and the audit chain verifying.
 * <p>
 * jqwik has no Spring extension: the shared application context (the one every web test
 * uses, see {@link LockstepTest}) is fetched from Spring's test context cache and this
 * instance is wired by hand.
 */
@LockstepTest
class GeneratedInputTest {

	private static final TestContextManager SPRING = new TestContextManager(GeneratedInputTest.class);

	private static final Duration HANG = Duration.ofSeconds(20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	private static volatile @Nullable List<Route> routes;

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	String org;

	String project;

	String token;

	@BeforeProperty
	void anOrganizationOfItsOwn() throws Exception {
		SPRING.prepareTestInstance(this);
		this.org = ProjectTestSupport.uniqueSlug("fuzz");
		MvcResult created = this.mvc
			.perform(post("/orgs/new").session(ProjectTestSupport.sessionOfItsOwn(this.mvc, ProjectTestSupport.OWNER))
				.with(csrf())
				.param("orgName", "Fuzz " + this.org)
				.param("orgSlug", this.org))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(302);
		MvcResult token = this.mvc
			.perform(post("/api/v1/orgs/" + this.org + "/tokens")
				.session(ProjectTestSupport.sessionOfItsOwn(this.mvc, ProjectTestSupport.OWNER))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"fuzz\", \"scopes\": [\"config:read\", \"config:write\", \"deployments:write\", "
						+ "\"code:write\", \"audit:read\", \"tokens:write\"]}"))
			.andReturn();
		assertThat(token.getResponse().getStatus()).as(token.getResponse().getContentAsString()).isEqualTo(201);
		this.token = JsonPath.read(token.getResponse().getContentAsString(), "$.token");
		this.project = "shop";
		assertThat(send("POST", "/api/v1/orgs/" + this.org + "/projects", "{\"slug\": \"shop\", \"name\": \"Shop\"}")
			.statusCode()).isEqualTo(201);
		for (String environment : List.of("development", "staging", "production")) {
			assertThat(
					send("POST", "/api/v1/orgs/" + this.org + "/projects/shop/environments",
							"{\"name\": \"" + environment + "\", \"tier\": \""
									+ environment.toUpperCase(java.util.Locale.ROOT) + "\"}")
						.statusCode())
				.isEqualTo(201);
		}
	}

	@Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
	void hostileInputIsRefusedCleanlyOnEveryApiRoute(@ForAll("probes") Probe probe) throws Exception {
		String revisionsBefore = revisions();
		HttpResponse<String> answer;
		String path = probe.path(this.org, this.project);
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(HANG)
				.header("Authorization", "Bearer " + this.token)
				.header("Accept", probe.accept());
			probe.headers().forEach(request::header);
			if (probe.body() != null) {
				request.header("Content-Type", probe.contentType());
			}
			request.method(probe.method(),
					(probe.body() != null) ? BodyPublishers.ofString(probe.body()) : BodyPublishers.noBody());
			answer = this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			fail("No answer within %s (a hang) to %s", HANG, probe.describe(path));
			return;
		}
		int status = answer.statusCode();
		String what = probe.describe(path) + "\n -> " + status + " " + abbreviate(answer.body());
		assertThat(status).as("never a server error: %s", what).isLessThan(500);
		if (status >= 400) {
			assertThat(answer.headers().firstValue("Content-Type")).as("a refusal is problem+json: %s", what)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as("protective headers: %s", what)
				.isPresent();
		}
		if (status < 200 || status >= 300) {
			assertThat(revisions()).as("config revisions change only on accepted requests: %s", what)
				.isEqualTo(revisionsBefore);
		}
		assertThat(send("GET", "/actuator/health", null).statusCode()).as("healthy after %s", what).isEqualTo(200);
	}

	@AfterProperty
	void theServerIsHealthyAndTheAuditChainsStillVerify() throws Exception {
		assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
		HttpResponse<String> own = send("GET", "/api/v1/orgs/" + this.org + "/audit/verify", null);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(own.body(), "$.verified")).as(own.body()).isTrue();
		// the token works only in its own organization: acme's chain is read by its owner
		MvcResult acme = this.mvc
			.perform(get("/api/v1/orgs/acme/audit/verify")
				.session(ProjectTestSupport.session(this.mvc, ProjectTestSupport.OWNER)))
			.andReturn();
		assertThat(acme.getResponse().getStatus()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(acme.getResponse().getContentAsString(), "$.verified")).isTrue();
	}

	/** The ETags of the fuzz project's environments: revision numbers of each config. */
	private String revisions() throws Exception {
		StringBuilder all = new StringBuilder();
		for (String environment : List.of("development", "staging", "production")) {
			HttpResponse<String> config = send("GET",
					"/api/v1/orgs/" + this.org + "/projects/shop/environments/" + environment + "/config", null);
			all.append(environment)
				.append('=')
				.append(config.statusCode())
				.append(' ')
				.append(config.headers().firstValue("ETag").orElse(""))
				.append(' ');
		}
		return all.toString();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(HANG)
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	// ---- what is generated ----

	/** One API route as the application maps it. */
	record Route(String method, String pattern, List<String> variables, List<String> parameters, @Nullable Type body) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	/**
	 * One generated request: a route, a method (sometimes another than the route's), the
	 * values of its path variables (null: the fixture's organization, project or
	 * environment), a query string, headers and a body.
	 */
	record Probe(Route route, String method, Map<String, @Nullable String> variables, String query,
			Map<String, String> headers, String accept, String contentType, @Nullable String body) {

		String path(String org, String project) {
			Matcher matcher = VARIABLE.matcher(this.route.pattern());
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				String value = this.variables.get(name);
				if (value == null) {
					value = switch (name) {
						case "org" -> org;
						case "project" -> project;
						case "environment" -> "staging";
						default -> "x";
					};
				}
				matcher.appendReplacement(path, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(path);
			return path + this.query;
		}

		String describe(String path) {
			return this.method + " " + abbreviate(path) + " " + this.headers + " Content-Type: " + this.contentType
					+ " Accept: " + this.accept + " body: " + ((this.body != null) ? abbreviate(this.body) : "(none)");
		}

		@Override
		public String toString() {
			return describe(path("{org}", "{project}"));
		}

	}

	@Provide
	Arbitrary<Probe> probes() {
		List<Route> all = routes();
		return Arbitraries.of(all).flatMap(this::probe);
	}

	private Arbitrary<Probe> probe(Route route) {
		Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(route.method())),
				Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")));
		Arbitrary<Map<String, @Nullable String>> variables = variables(route.variables());
		Arbitrary<String> query = query(route.parameters());
		Arbitrary<Map<String, String>> headers = Arbitraries.of(Map.<String, String>of(),
				Map.of("If-Match", "\"r1-p0-json\""), Map.of("If-Match", "\"r99999999999999999999-p0-json\""),
				Map.of("If-Match", "*"), Map.of("If-Match", "garbage \u00e9"), Map.of("If-None-Match", "\"r-1-p-1-x\""),
				Map.of("If-Match", "W/\"r0-p0-json\""));
		Arbitrary<String> accept = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
				Tuple.of(1, Arbitraries.of("*/*", "application/problem+json", "application/xml")));
		Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just("application/json")),
				Tuple.of(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded",
						"multipart/form-data; boundary=b", "application/json; charset=latin1", "application/xml")));
		Arbitrary<@Nullable String> body = body(route);
		return Combinators.combine(method, variables, query, headers, accept, contentType, body)
			.as((m, v, q, h, a, c, b) -> new Probe(route, m, v, q, h, a, c, b));
	}

	private static Arbitrary<Map<String, @Nullable String>> variables(List<String> names) {
		Arbitrary<Map<String, @Nullable String>> result = Arbitraries.just(new LinkedHashMap<>());
		for (String name : names) {
			boolean fixture = Set.of("org", "project", "environment").contains(name);
			Arbitrary<@Nullable String> value = fixture
					? Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(null)), Tuple.of(1, segment())) : segment();
			result = Combinators.combine(result, value).as((map, v) -> {
				Map<String, @Nullable String> next = new LinkedHashMap<>(map);
				next.put(name, v);
				return next;
			});
		}
		return result;
	}

	/** A path segment, percent-encoded, or raw bytes that are not valid UTF-8. */
	private static Arbitrary<String> segment() {
		return Arbitraries.frequencyOf(Tuple.of(6, text().map(GeneratedInputTest::encode)),
				Tuple.of(1, Arbitraries.of("%FF%FE", "%ED%A0%80", "%00", "..", "%2e%2e", "a%2Fb", "%25", "1", "0", "-1",
						"99999999999999999999", "00000000-0000-0000-0000-000000000000", "live")));
	}

	private static Arbitrary<String> query(List<String> parameters) {
		List<String> names = new ArrayList<>(parameters);
		names.add("unexpected");
		Arbitrary<String> pair = Combinators
			.combine(Arbitraries.of(names),
					Arbitraries.frequencyOf(Tuple.of(6, text().map(GeneratedInputTest::encode)), Tuple.of(1,
							Arbitraries.of("%FF", "%ED%A0%80", "%00", "a%00b", "%2B999999999-12-31T23:59:59Z"))))
			.as((name, value) -> name + "=" + value);
		return pair.list().ofMaxSize(3).map((pairs) -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	private static Arbitrary<@Nullable String> body(Route route) {
		Arbitrary<@Nullable String> raw = Arbitraries.of("", "{", "[1,", "null", "[]", "\"x\"", "1", "{}",
				"{\"a\":".repeat(3000), "[" + "1,".repeat(50_000) + "1]", "\u0000", "{\"x\": \"\\ud800\"}",
				"{\"x\": 1e999999}");
		Arbitrary<@Nullable String> shaped = value(route.body(), 0).map(GeneratedInputTest::json);
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(null)), Tuple.of(2, raw), Tuple.of(8, shaped));
	}

	private static String json(@Nullable Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A JSON value for the type: mostly of its shape, often hostile. */
	private static Arbitrary<@Nullable Object> value(@Nullable Type type, int depth) {
		Arbitrary<@Nullable Object> hostile = hostile(depth);
		Class<?> raw = rawClass(type);
		if (raw == null || depth > 3) {
			return hostile;
		}
		Arbitrary<@Nullable Object> shaped;
		if (raw.isRecord()) {
			shaped = object(raw, depth);
		}
		else if (List.class.isAssignableFrom(raw)) {
			Type item = (type instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[0]
					: Object.class;
			shaped = value(item, depth + 1).list().ofMaxSize(3).map((list) -> (Object) list);
		}
		else if (raw == String.class) {
			shaped = text().map((text) -> (Object) text);
		}
		else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
			shaped = number();
		}
		else if (raw == Boolean.class || raw == boolean.class) {
			shaped = Arbitraries.of(true, false).map((b) -> (Object) b);
		}
		else {
			shaped = hostile;
		}
		return Arbitraries.frequencyOf(Tuple.of(3, shaped), Tuple.of(1, hostile));
	}

	private static Arbitrary<@Nullable Object> object(Class<?> record, int depth) {
		Arbitrary<Map<String, @Nullable Object>> result = Arbitraries.just(new LinkedHashMap<>());
		for (RecordComponent component : record.getRecordComponents()) {
			Arbitrary<@Nullable Object> value = value(component.getGenericType(), depth + 1);
			Arbitrary<Boolean> present = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(true)),
					Tuple.of(1, Arbitraries.just(false)));
			result = Combinators.combine(result, present, value).as((map, p, v) -> {
				Map<String, @Nullable Object> next = new LinkedHashMap<>(map);
				if (p) {
					next.put(component.getName(), v);
				}
				return next;
			});
		}
		return result.map((map) -> (Object) map);
	}

	private static Arbitrary<@Nullable Object> hostile(int depth) {
		List<Arbitrary<@Nullable Object>> choices = new ArrayList<>(List.of(text().map((t) -> (Object) t), number(),
				Arbitraries.of(true, false).map((b) -> (Object) b), Arbitraries.just(null)));
		if (depth < 3) {
			choices.add(Arbitraries.lazy(() -> hostile(depth + 1)).list().ofMaxSize(3).map((l) -> (Object) l));
			choices.add(Combinators.combine(text(), Arbitraries.lazy(() -> hostile(depth + 1))).as((k, v) -> {
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				map.put(k, v);
				return (Object) map;
			}));
		}
		return Arbitraries.oneOf(choices);
	}

	private static Arbitrary<@Nullable Object> number() {
		return Arbitraries
			.of(0, 1, -1, 2, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L,
					new BigInteger("99999999999999999999"), new BigInteger("-99999999999999999999"), 1.5, -0.0, 1e308,
					new BigDecimal("1e400"))
			.map((n) -> (Object) n);
	}

	/** Text as hostile as it gets, and some that is fine. */
	private static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(
				Tuple.of(3,
						Arbitraries.of("main", "staging", "production", "shop", "1.0.0", "config:read", "QUEUE",
								"REJECT", "BOTH", "LEAD", "approve", "reject", "SUCCEEDED", "webhook", "manual",
								"2027-01-01T00:00:00Z", "2027-01-01", "10:00", "FRIDAY", "Europe/Paris", "UTC",
								"https://example.test/x", "a".repeat(40), "live", "json", "dotenv")),
				Tuple.of(3,
						Arbitraries.of("a\u0000b", "\u0000", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
								"2026-02-30T25:61:00Z", "99999999999999999999", "-1", "NaN", "\ud800", "\udfff\ud800",
								"../../etc/passwd", "' or 1=1 --", "%00", "", " ", "\n\r\t",
								"<script>alert(1)</script>", "\u202e\u0301", "\ud834\udd1e", "${jndi:ldap://x}", "null",
								"a".repeat(300), "é".repeat(5_000), "x".repeat(70_000))),
				Tuple.of(2, Arbitraries.strings().ofMaxLength(30)));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static @Nullable Class<?> rawClass(@Nullable Type type) {
		if (type instanceof Class<?> raw) {
			return raw;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			return raw;
		}
		return null;
	}

	/** Every API route of the application, from its request mappings. */
	static List<Route> routes() {
		List<Route> known = routes;
		if (known != null) {
			return known;
		}
		ApplicationContext context = SPRING.getTestContext().getApplicationContext();
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		List<Route> found = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : new TreeSet<>(info.getPatternValues())) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				List<String> variables = new ArrayList<>();
				Matcher matcher = VARIABLE.matcher(pattern);
				while (matcher.find()) {
					variables.add(matcher.group(1));
				}
				List<String> parameters = new ArrayList<>();
				Type body = null;
				for (MethodParameter parameter : handler.getMethodParameters()) {
					RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
					if (param != null) {
						String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
						if (name != null) {
							parameters.add(name);
						}
					}
					if (parameter.hasParameterAnnotation(RequestBody.class)) {
						body = parameter.getGenericParameterType();
					}
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					found.add(new Route(method.name(), pattern, variables, parameters, body));
				}
			}
		}
		found.sort(java.util.Comparator.comparing(Route::toString));
		assertThat(found).as("the API's routes").hasSizeGreaterThan(40);
		routes = List.copyOf(found);
		return routes;
	}

}
