package app.lockstep.domain.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import app.lockstep.domain.project.Environment;
import app.lockstep.domain.project.EnvironmentId;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.InstanceCache;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.OrgId;
import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.shared.UseCase;
import org.jspecify.annotations.Nullable;

/**
 * The deployer's read: the effective config with sensitive values decrypted. Every read
 * that reveals secrets is recorded (who, which environment, which revision, which secrets
 * by name; never the values) before it returns, and later folded into the audit chain by
 * {@link FoldSecretReads}.
 * <p>
 * This is the path every deployed machine polls, so it is cached: where each config lives
 * and its latest revision numbers (forgotten on every instance when a revision is saved
 * or a project or environment changes), and each resolved revision (immutable). With warm
 * caches a read costs one statement (the record of the read) and a check of the version
 * none.
 */
@UseCase
public final class ReadConfigForDeployment {

	private final Projects projects;

	private final Environments environments;

	private final ConfigRevisions revisions;

	private final SecretSealing sealing;

	private final SecretReads secretReads;

	private final Transactions transactions;

	private final Clock clock;

	private final InstanceCache<Place, Located> locations;

	private final InstanceCache<Resolution, Resolved> resolved;

	public ReadConfigForDeployment(Projects projects, Environments environments, ConfigRevisions revisions,
			SecretSealing sealing, SecretReads secretReads, Transactions transactions, Clock clock,
			InstanceCaches caches) {
		this.projects = projects;
		this.environments = environments;
		this.revisions = revisions;
		this.sealing = sealing;
		this.secretReads = secretReads;
		this.transactions = transactions;
		this.clock = clock;
		this.locations = caches.create("config-locations", 100_000, InstanceCaches.CONFIGS);
		this.resolved = caches.create("resolved-configs", 2_000, InstanceCaches.CONFIGS);
	}

	/**
	 * An effective config with its values. Immutable like the revisions it is made of, so
	 * each rendering of it (JSON, YAML, .env) is made once and kept with it.
	 */
	public record Resolved(Version version, String infrastructure, Map<String, String> variables,
			Map<String, Visibility> visibility, boolean revealedSecrets, List<String> sensitiveVariables,
			Map<String, String> renderings, Map<String, byte[]> encodings) {

		public Resolved(Version version, String infrastructure, Map<String, String> variables,
				Map<String, Visibility> visibility, boolean revealedSecrets) {
			this(version, infrastructure, variables, visibility, revealedSecrets, List.of(), new ConcurrentHashMap<>(),
					new ConcurrentHashMap<>());
		}

		/** The representation, rendered on first use. */
		public String rendered(String representation, Function<Resolved, String> renderer) {
			String rendering = this.renderings.get(representation);
			if (rendering == null) {
				rendering = renderer.apply(this);
				this.renderings.put(representation, rendering);
			}
			return rendering;
		}

		/**
		 * The representation's UTF-8 bytes, encoded on first use (the fast path writes
		 * them as they are; callers must not change them).
		 */
		public byte[] encoded(String representation, Function<Resolved, String> renderer) {
			byte[] bytes = this.encodings.get(representation);
			if (bytes == null) {
				bytes = rendered(representation, renderer).getBytes(StandardCharsets.UTF_8);
				this.encodings.put(representation, bytes);
			}
			return bytes;
		}

	}

	/**
	 * Which revisions make up an effective config: the environment's and the project's
	 * shared one.
	 */
	public record Version(int revision, int projectRevision) {

		/** A strong entity tag: equal exactly when the effective config is equal. */
		public String etag(String representation) {
			return "\"r" + this.revision + "-p" + this.projectRevision + "-" + representation + "\"";
		}

	}

	private record Place(OrgId org, String project, String environment) {
	}

	/** An environment's config and the latest revisions that make it up. */
	private record Located(OrgId org, ConfigTarget target, Environment environment, int latestRevision,
			int projectRevision) {

		EnvironmentId environmentId() {
			return this.environment.id();
		}

	}

	private record Resolution(OrgId org, EnvironmentId environment, Version version) {
	}

	/** The version only, no decryption: the cheap path for If-None-Match. */
	public Version version(Caller caller, String projectSlug, String environmentName, @Nullable Integer number) {
		caller.require(Permission.READ_SECRETS);
		Located located = locate(caller.orgId(), projectSlug, environmentName);
		return new Version((number != null) ? number : located.latestRevision(), located.projectRevision());
	}

	public Resolved read(Caller caller, String projectSlug, String environmentName, @Nullable Integer number) {
		caller.require(Permission.READ_SECRETS);
		OrgId org = caller.orgId();
		Located located = locate(org, projectSlug, environmentName);
		Version version = new Version((number != null) ? number : located.latestRevision(), located.projectRevision());
		Resolved config = this.resolved
			.get(new Resolution(org, located.environmentId(), version),
					() -> Optional.of(this.transactions.inTenant(org, () -> resolve(org, located.target(), version))),
					(any) -> org)
			.orElseThrow();
		if (config.revealedSecrets()) {
			record(caller, located, config);
		}
		return config;
	}

	/**
	 * The latest version when everything needed is in this instance's trusted caches;
	 * empty means "ask {@link #version}" (which loads, or refuses), never "refused".
	 */
	public Optional<Version> cachedVersion(Caller caller, String projectSlug, String environmentName) {
		if (!caller.can(Permission.READ_SECRETS)) {
			return Optional.empty();
		}
		return this.locations.peek(new Place(caller.orgId(), projectSlug, environmentName))
			.map((located) -> new Version(located.latestRevision(), located.projectRevision()));
	}

	/**
	 * The latest config when everything needed is in this instance's trusted caches, made
	 * ready by {@code prepare} (rendered, say) and then, when it reveals secrets,
	 * recorded (committed) like {@link #read}'s. Empty means "ask {@link #read}", never
	 * "refused"; when {@code prepare} throws nothing is recorded.
	 */
	public <T> Optional<T> readCached(Caller caller, String projectSlug, String environmentName,
			Function<Resolved, T> prepare) {
		if (!caller.can(Permission.READ_SECRETS)) {
			return Optional.empty();
		}
		OrgId org = caller.orgId();
		Located located = this.locations.peek(new Place(org, projectSlug, environmentName)).orElse(null);
		if (located == null) {
			return Optional.empty();
		}
		Version version = new Version(located.latestRevision(), located.projectRevision());
		Resolved config = this.resolved.peek(new Resolution(org, located.environmentId(), version)).orElse(null);
		if (config == null) {
			return Optional.empty();
		}
		T prepared = prepare.apply(config);
		if (config.revealedSecrets()) {
			record(caller, located, config);
		}
		return Optional.of(prepared);
	}

	private void record(Caller caller, Located located, Resolved config) {
		Version version = config.version();
		this.secretReads.record(new SecretRead(0, caller.orgId(), caller.actor(), located.environmentId(),
				located.target().project().slug(), located.environment().name(), version.revision(),
				version.projectRevision(), config.sensitiveVariables(), this.clock.instant()));
	}

	private Located locate(OrgId org, String projectSlug, String environmentName) {
		return this.locations
			.get(new Place(org, projectSlug, environmentName), () -> Optional.of(this.transactions.inTenant(org, () -> {
				ConfigTarget target = ConfigTarget.resolve(this.projects, this.environments, org, projectSlug,
						environmentName);
				// resolved by an environment's name, so the target has its environment
				Environment environment = Objects.requireNonNull(target.environment());
				return new Located(org, target, environment, this.revisions.latestNumber(org, target.scope()),
						this.revisions.latestNumber(org, new ConfigScope(target.project().id(), null)));
			})), Located::org)
			.orElseThrow();
	}

	/** The effective config of exactly these revisions, decrypted. */
	private Resolved resolve(OrgId org, ConfigTarget target, Version version) {
		Optional<ConfigRevision> own = (version.revision() == 0) ? Optional.empty() : Optional
			.of(this.revisions.find(org, target.scope(), version.revision())
				.orElseThrow(() -> new NotFoundException("No revision " + version.revision() + " of this config.")));
		Optional<ConfigRevision> shared = (version.projectRevision() == 0) ? Optional.empty()
				: this.revisions.find(org, new ConfigScope(target.project().id(), null), version.projectRevision());
		EffectiveConfig config = EffectiveConfig.of(own, shared);
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Visibility> visibility = new LinkedHashMap<>();
		for (EffectiveVariable variable : config.variables()) {
			values.put(variable.name(), this.sealing.reveal(org, variable.stored()));
			visibility.put(variable.name(), variable.visibility());
		}
		List<String> secrets = config.variables()
			.stream()
			.filter(EffectiveVariable::sensitive)
			.map(EffectiveVariable::name)
			.toList();
		return new Resolved(version, config.infrastructure(), Collections.unmodifiableMap(values), visibility,
				!secrets.isEmpty(), secrets, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
	}

}
