package app.lockstep.web.code;

import java.time.Clock;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.code.Artifacts;
import app.lockstep.domain.code.CodeChanges;
import app.lockstep.domain.code.ConfigureWebhook;
import app.lockstep.domain.code.IngestCodeChanges;
import app.lockstep.domain.code.ReceivePush;
import app.lockstep.domain.code.RegisterArtifact;
import app.lockstep.domain.code.ViewArtifacts;
import app.lockstep.domain.code.ViewCodeChanges;
import app.lockstep.domain.code.ViewWebhook;
import app.lockstep.domain.code.WebhookSecrets;
import app.lockstep.domain.code.Webhooks;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the code change, artifact and webhook use cases to their ports. */
@Configuration(proxyBeanMethods = false)
class CodeUseCases {

	@Bean
	WebhookSecrets webhookSecrets(SecretCipher cipher) {
		return new WebhookSecrets(cipher);
	}

	@Bean
	IngestCodeChanges ingestCodeChanges(Projects projects, CodeChanges codeChanges, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new IngestCodeChanges(projects, codeChanges, auditLog, transactions, clock);
	}

	@Bean
	ReceivePush receivePush(Webhooks webhooks, WebhookSecrets secrets, CodeChanges codeChanges, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new ReceivePush(webhooks, secrets, codeChanges, auditLog, transactions, clock);
	}

	@Bean
	RegisterArtifact registerArtifact(Artifacts artifacts, Projects projects, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new RegisterArtifact(artifacts, projects, auditLog, transactions, clock);
	}

	@Bean
	ConfigureWebhook configureWebhook(Webhooks webhooks, Projects projects, WebhookSecrets secrets, AuditLog auditLog,
			Transactions transactions, Clock clock) {
		return new ConfigureWebhook(webhooks, projects, secrets, auditLog, transactions, clock);
	}

	@Bean
	ViewWebhook viewWebhook(Webhooks webhooks, Projects projects, WebhookSecrets secrets, Transactions transactions) {
		return new ViewWebhook(webhooks, projects, secrets, transactions);
	}

	@Bean
	ViewCodeChanges viewCodeChanges(CodeChanges codeChanges, Projects projects, Transactions transactions) {
		return new ViewCodeChanges(codeChanges, projects, transactions);
	}

	@Bean
	ViewArtifacts viewArtifacts(Artifacts artifacts, Projects projects, Transactions transactions) {
		return new ViewArtifacts(artifacts, projects, transactions);
	}

}
