package app.lockstep.domain.code;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import app.lockstep.domain.config.SealedSecret;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.project.ProjectId;
import app.lockstep.domain.shared.OrgId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSecretsTest {

	private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

	/** The example of GitHub's documentation ("Validating webhook deliveries"). */
	@Test
	void githubsDocumentedExampleVerifies() {
		String secret = "It's a Secret to Everybody";
		String signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
		assertThat(WebhookSecrets.githubSignature(secret, BODY)).isEqualTo(signature);
		assertThat(WebhookSecrets.githubSignatureMatches(secret, BODY, signature)).isTrue();
	}

	@Test
	void aWrongMissingOrMalformedGithubSignatureDoesNotVerify() {
		String secret = "It's a Secret to Everybody";
		String signature = WebhookSecrets.githubSignature(secret, BODY);
		assertThat(WebhookSecrets.githubSignatureMatches("another secret entirely", BODY, signature)).isFalse();
		assertThat(WebhookSecrets.githubSignatureMatches(secret, "Hello, World?".getBytes(StandardCharsets.UTF_8),
				signature))
			.isFalse();
		assertThat(WebhookSecrets.githubSignatureMatches(secret, BODY, null)).isFalse();
		assertThat(WebhookSecrets.githubSignatureMatches(secret, BODY, "")).isFalse();
		assertThat(WebhookSecrets.githubSignatureMatches(secret, BODY, signature.substring("sha256=".length())))
			.isFalse();
		assertThat(WebhookSecrets.githubSignatureMatches(secret, BODY, "sha256=not-hex")).isFalse();
		assertThat(WebhookSecrets.githubSignatureMatches(secret, BODY, signature.substring(0, 20))).isFalse();
		assertThat(
				WebhookSecrets.githubSignatureMatches(secret, BODY, "sha1=" + signature.substring("sha256=".length())))
			.isFalse();
	}

	@Test
	void aGitlabTokenMustBeTheSecretExactly() {
		assertThat(WebhookSecrets.gitlabTokenMatches("s3cret-token-0123456789", "s3cret-token-0123456789")).isTrue();
		assertThat(WebhookSecrets.gitlabTokenMatches("s3cret-token-0123456789", "s3cret-token-012345678")).isFalse();
		assertThat(WebhookSecrets.gitlabTokenMatches("s3cret-token-0123456789", "S3cret-token-0123456789")).isFalse();
		assertThat(WebhookSecrets.gitlabTokenMatches("s3cret-token-0123456789", null)).isFalse();
	}

	@Test
	void hookIdsAndSecretsAreRandomAndWellFormed() {
		String first = WebhookSecrets.newHookId();
		assertThat(first).matches(WebhookSecrets.HOOK_ID).isNotEqualTo(WebhookSecrets.newHookId());
		assertThat(WebhookSecrets.newSecret()).matches(WebhookSecrets.SECRET)
			.hasSize(43)
			.isNotEqualTo(WebhookSecrets.newSecret());
	}

	@Test
	void aSealedSecretOpensOnlyForItsOwnProject() {
		WebhookSecrets secrets = new WebhookSecrets(new SecretCipher(Map.of("k", new byte[32]), "k"));
		OrgId org = OrgId.random();
		ProjectId project = ProjectId.random();
		SealedSecret sealed = secrets.seal(org, project, "the secret");
		assertThat(secrets.open(org, project, sealed)).isEqualTo("the secret");
		assertThatThrownBy(() -> secrets.open(org, ProjectId.random(), sealed))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> secrets.open(OrgId.random(), project, sealed))
			.isInstanceOf(IllegalStateException.class);
	}

}
