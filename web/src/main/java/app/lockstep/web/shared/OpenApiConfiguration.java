package app.lockstep.web.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Scope;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI 3.1 description of {@code /api/v1} (springdoc, served at
 * {@code /v3/api-docs}, browsable at {@code /swagger-ui/index.html}). Everything that is
 * the same for every operation is added here, from what the code already declares, so
 * that the description cannot drift from the behaviour:
 * <ul>
 * <li>the security of each operation: a bearer token with the scope of its
 * {@link RequiresScope} or a signed-in browser session (with the CSRF header); the push
 * webhooks, which declare no scope, are public and prove themselves with a
 * signature;</li>
 * <li>the RFC 9457 refusals each operation can answer, all with the {@code Problem}
 * schema;</li>
 * <li>a tag per feature (the controller's package).</li>
 * </ul>
 * The resolved {@link Caller} parameter is no part of the HTTP interface and is hidden.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerToken";

	static final String SESSION = "browserSession";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

	static {
		SpringDocUtils.getConfig()
			.addRequestWrapperToIgnore(Caller.class)
			// Jackson 3 trees are free-form JSON objects in the description
			.replaceWithSchema(tools.jackson.databind.JsonNode.class, new ObjectSchema());
	}

	@Bean
	OpenAPI lockstepOpenApi() {
		String scopes = Arrays.stream(Scope.values())
			.map((scope) -> "- `" + scope.value() + "`: " + scope.description())
			.collect(Collectors.joining("\n"));
		return new OpenAPI()
			.info(new Info().title("Lockstep API")
				.version("v1")
				.description("Projects, environments, config, deployments, code changes, artifacts, audit and tokens "
						+ "of an organization, under `/api/v1/orgs/{org}/...`. Errors are RFC 9457 "
						+ "`application/problem+json`. Anyone who is not a member of an organization gets 404 for "
						+ "everything under it.")
				.license(new License().name("Proprietary")))
			.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("lst_…")
				.description("An API token (`Authorization: Bearer lst_…`), created at /orgs/{org}/tokens. "
						+ "Each operation lists the scope it needs; a token without it gets 403. Scopes:\n\n" + scopes))
				.addSecuritySchemes(SESSION,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("JSESSIONID")
							.description("A signed-in browser session. Requests that change something also send "
									+ "the CSRF token from the page's `_csrf` meta tag in `X-CSRF-TOKEN`."))
				.addSchemas(PROBLEM, problemSchema()));
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema())
			.required(List.of("field", "message"));
		Schema<?> problem = new ObjectSchema()
			.description("An RFC 9457 problem document. Refusals may add members, such as `blockedBy` and "
					+ "`nextOpenAt` for a closed deployment window or `currentStatus` for a conflicting transition.")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid input"))
			.addProperty("status", new IntegerSchema().example(422))
			.addProperty("detail", new StringSchema().example("Give the environment a name."))
			.addProperty("instance", new StringSchema())
			.addProperty("errors",
					new ArraySchema().items(fieldError)
						.description("For bad input: each field (or spec line) and what is wrong with it."))
			.required(List.of("title", "status", "detail"));
		problem.setAdditionalProperties(Boolean.TRUE);
		return problem;
	}

	@Bean
	OperationCustomizer lockstepOperations() {
		return OpenApiConfiguration::customize;
	}

	static Operation customize(Operation operation, HandlerMethod handler) {
		operation.setTags(List.of(feature(handler.getBeanType())));
		RequiresScope scope = requiredScope(handler);
		boolean changes = changes(handler);
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("400", "A parameter has the wrong form.");
		if (scope != null) {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER, scope.value().value()),
					new SecurityRequirement().addList(SESSION)));
			refusals.put("401", "No credentials, or a malformed, unknown, expired or revoked token.");
			refusals.put("403", "The member's role lacks the permission, or the token lacks the scope `"
					+ scope.value().value() + "` (or is limited to another project or environment).");
			refusals.put("404", "No such organization (or not a member of it), or no such thing in it.");
			if (changes) {
				refusals.put("409", "The change conflicts with the current state (a taken name, a transition that "
						+ "is not allowed).");
			}
			if (hasHeader(operation, "If-Match")) {
				refusals.put("412", "`If-Match` names a revision that is no longer the latest.");
				refusals.put("428", "`If-Match` is missing.");
			}
			if (changes || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
				refusals.put("422", "Invalid input: `errors` lists each field and what is wrong with it.");
			}
		}
		else {
			// The push webhooks: public, each delivery carries the project's secret.
			operation.setSecurity(List.of());
			refusals.put("401", "The signature (GitHub) or token (GitLab) is missing or wrong; nothing is stored.");
			refusals.put("404", "No such hook.");
			refusals.put("413", "The payload is larger than 5 MiB.");
			refusals.put("422", "The payload cannot be read.");
			refusals.put("429", "Too many deliveries from this address; see `Retry-After`.");
		}
		refusals.put("503", "The database is unreachable or a statement took too long; see `Retry-After`.");
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		refusals.forEach((status, description) -> responses.addApiResponse(status, problem(description)));
		operation.setResponses(responses);
		return operation;
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(ProblemJson.MEDIA_TYPE,
					new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
	}

	private static @Nullable RequiresScope requiredScope(HandlerMethod handler) {
		RequiresScope onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresScope.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresScope.class);
	}

	private static boolean changes(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping != null && Arrays.stream(mapping.method())
			.anyMatch((method) -> method != RequestMethod.GET && method != RequestMethod.HEAD);
	}

	private static boolean hasHeader(Operation operation, String name) {
		List<Parameter> parameters = operation.getParameters();
		return parameters != null && parameters.stream()
			.anyMatch((parameter) -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
	}

	/** app.lockstep.web.deploy.api.DeploymentApiController: "deploy". */
	private static String feature(Class<?> controller) {
		String[] parts = controller.getPackageName().split("\\.");
		String last = parts[parts.length - 1];
		String feature = (last.equals("api") && parts.length > 1) ? parts[parts.length - 2] : last;
		return feature.toLowerCase(Locale.ROOT);
	}

}
