package app.lockstep.web.config.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.lockstep.domain.config.ConfigRevision;
import app.lockstep.domain.config.DotenvFile;
import app.lockstep.domain.config.InvalidConfigException;
import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.StaleConfigException;
import app.lockstep.domain.config.VariableInput;
import app.lockstep.domain.config.spec.InfrastructureSpec;
import app.lockstep.domain.config.Visibility;
import app.lockstep.domain.shared.FieldError;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.deploy.ViewDeployments;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.access.Scope;
import app.lockstep.web.shared.RequiresScope;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployer's hot path: an environment's effective config with secrets, as JSON, the
 * same as YAML, a .env file, or the spec alone as .upsun/config.yaml, with a strong ETag
 * (If-None-Match answers 304 before anything is decrypted). PUT saves a new revision on
 * top of the ETag it was based on (If-Match).
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/projects/{project}/environments/{environment}/config")
class ConfigApiController {

	private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"r(\\d{1,9})-p(\\d{1,9})-[a-z]+\"$");

	private final ReadConfigForDeployment read;

	private final SaveConfigRevision save;

	private final ConfigRendering rendering;

	ConfigApiController(ReadConfigForDeployment read, SaveConfigRevision save, ConfigRendering rendering,
			ViewDeployments deployments) {
		this.read = read;
		this.save = save;
		this.rendering = rendering;
		this.deployments = deployments;
	}

	private final ViewDeployments deployments;

	@GetMapping
	@RequiresScope(Scope.CONFIG_READ)
	ResponseEntity<String> get(Caller caller, @PathVariable String project, @PathVariable("environment") String env,
			@RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "portable") String dialect,
			@RequestParam(name = "revision", required = false) @Nullable String revisionParam,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Integer revision = revision(caller, project, env, revisionParam);
		String representation = representation(format, dialect);
		if (ifNoneMatch != null) {
			String etag = this.read.version(caller, project, env, revision).etag(representation);
			if (matches(ifNoneMatch, etag)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
			}
		}
		ReadConfigForDeployment.Resolved config = this.read.read(caller, project, env, revision);
		String actualEtag = config.version().etag(representation);
		String body = config.rendered(representation, (resolved) -> this.rendering.render(resolved, representation));
		return ResponseEntity.ok()
			.eTag(actualEtag)
			.contentType(MediaType.parseMediaType(ConfigRendering.contentType(representation)))
			.body(body);
	}

	/**
	 * json, yaml (the same content), upsun (the spec alone, as .upsun/config.yaml),
	 * dotenv (portable) or dotenv-python (for python-dotenv's interpolation).
	 */
	static String representation(String format, String dialect) {
		String representation = format.toLowerCase(Locale.ROOT);
		if (!List.of("json", "dotenv", "yaml", "upsun").contains(representation)) {
			throw new ValidationException("format",
					"Use format=json, format=yaml (the same as YAML), format=upsun (the spec as .upsun/config.yaml) "
							+ "or format=dotenv.");
		}
		String flavour = dialect.toLowerCase(Locale.ROOT);
		if (!List.of("portable", "python-dotenv").contains(flavour)) {
			throw new ValidationException("dialect",
					"Use dialect=portable (sh, Docker Compose, python-dotenv without interpolation) or "
							+ "dialect=python-dotenv (python-dotenv with its interpolation).");
		}
		return (representation.equals("dotenv") && flavour.equals("python-dotenv")) ? "dotenv-python" : representation;
	}

	/**
	 * {@code revision}: a number, {@code live} for the revision deployed last
	 * successfully (404 when nothing is), or absent for the latest saved.
	 */
	private @Nullable Integer revision(Caller caller, String project, String env, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if ("live".equalsIgnoreCase(value.strip())) {
			return this.deployments.liveRevision(caller, project, env)
				.orElseThrow(() -> new NotFoundException("Nothing with a config revision is deployed on " + env
						+ " yet; ask for revision=<number> or leave it out for the latest."));
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new ValidationException("revision", "Ask for a revision number, revision=live, or none.");
		}
	}

	record VariableBody(@Nullable String name, @Nullable String value, @Nullable Boolean sensitive,
			@Nullable String visibility) {
	}

	record ConfigBody(@Nullable String infrastructure, @Nullable List<VariableBody> variables,
			@Nullable String message) {
	}

	@RequiresScope(Scope.CONFIG_WRITE)
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> put(Caller caller, @PathVariable String org, @PathVariable String project,
			@PathVariable("environment") String env,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ConfigBody body) {
		// Permission first: a member who may not edit gets 403 whatever the
		// preconditions.
		caller.require(Permission.EDIT_CONFIG);
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new PreconditionRequired();
		}
		Matcher matcher = ETAG.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw new StalePrecondition("If-Match must be the ETag of the config you edited, such as \"r7-p0-json\".");
		}
		int base = Integer.parseInt(matcher.group(1));
		List<VariableInput> variables = new ArrayList<>();
		List<FieldError> errors = new ArrayList<>();
		List<VariableBody> submitted = (body.variables() != null) ? body.variables() : List.of();
		for (int i = 0; i < submitted.size(); i++) {
			VariableBody variable = submitted.get(i);
			Visibility visibility = parseVisibility(variable.visibility());
			if (visibility == null) {
				errors.add(new FieldError("variables[" + i + "].visibility", "Use BUILD, RUNTIME or BOTH."));
				visibility = Visibility.BOTH;
			}
			variables.add(new VariableInput((variable.name() != null) ? variable.name() : "", variable.value(),
					Boolean.TRUE.equals(variable.sensitive()), visibility));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		ConfigRevision revision = this.save.save(caller,
				new SaveConfigRevision.Command(project, env, (base == 0) ? null : base,
						(body.infrastructure() != null) ? body.infrastructure() : "", variables, body.message()));
		ReadConfigForDeployment.Version version = this.read.version(caller, project, env, null);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("revision", revision.number());
		answer.put("summary", revision.summary());
		answer.put("etag", version.etag("json"));
		answer.put("warnings",
				InfrastructureSpec.parse(revision.infrastructure())
					.warnings()
					.stream()
					.map((warning) -> Map.of("field", "infrastructure", "line", warning.line(), "column",
							warning.column(), "message", warning.message()))
					.toList());
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + org + "/projects/" + project + "/environments/" + env
					+ "/config/revisions/" + revision.number()))
			.eTag(version.etag("json"))
			.body(answer);
	}

	@ExceptionHandler(InvalidConfigException.class)
	ProblemDetail invalid(InvalidConfigException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.errors().size() + " problem(s) in the config; nothing was saved.");
		problem.setTitle("Invalid config");
		List<Map<String, Object>> errors = new ArrayList<>();
		ex.lineErrors().forEach((error) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", "infrastructure");
			item.put("line", error.line());
			item.put("column", error.column());
			item.put("message", error.message());
			errors.add(item);
		});
		ex.errors()
			.stream()
			.filter((error) -> !error.field().equals("infrastructure") || ex.lineErrors().isEmpty())
			.forEach((error) -> errors.add(Map.of("field", error.field(), "message", error.message())));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(DotenvFile.UnwritableValues.class)
	ProblemDetail unwritable(DotenvFile.UnwritableValues ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage()
				+ ". Nothing is sent rather than a value a reader would get wrong: read this config as format=json or "
				+ "format=yaml, or with dialect=python-dotenv if python-dotenv is your reader.");
		problem.setTitle("Not writable as a .env file");
		List<Map<String, Object>> errors = new ArrayList<>();
		ex.reasons().forEach((name, reason) -> errors.add(Map.of("field", "variables." + name, "message", reason)));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(StaleConfigException.class)
	ProblemDetail stale(StaleConfigException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setProperty("latestRevision", ex.latest().number());
		problem.setProperty("changedVariables", ex.variableChanges().stream().map((c) -> c.name()).toList());
		return problem;
	}

	@ExceptionHandler(StalePrecondition.class)
	ProblemDetail stalePrecondition(StalePrecondition ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
	}

	@ExceptionHandler(PreconditionRequired.class)
	ProblemDetail preconditionRequired() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
				"Send If-Match with the ETag of the config you edited (from GET ...?format=json), so that a concurrent "
						+ "change is never overwritten.");
	}

	static boolean matches(String header, String etag) {
		for (String candidate : header.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

	static @Nullable Visibility parseVisibility(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Visibility.BOTH;
		}
		try {
			return Visibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static final class PreconditionRequired extends RuntimeException {

		PreconditionRequired() {
			super("If-Match required");
		}

	}

	static final class StalePrecondition extends RuntimeException {

		StalePrecondition(String message) {
			super(message);
		}

	}

}
