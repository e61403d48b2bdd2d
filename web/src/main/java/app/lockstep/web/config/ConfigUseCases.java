package app.lockstep.web.config;

import java.time.Clock;

import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.config.BringAcross;
import app.lockstep.domain.config.CompareEnvironments;
import app.lockstep.domain.config.ConfigRevisions;
import app.lockstep.domain.config.ReadConfigForDeployment;
import app.lockstep.domain.config.FoldSecretReads;
import app.lockstep.domain.config.SecretReads;
import app.lockstep.domain.shared.InstanceCaches;
import app.lockstep.domain.config.RestoreConfigRevision;
import app.lockstep.domain.config.SaveConfigRevision;
import app.lockstep.domain.config.SecretCipher;
import app.lockstep.domain.config.SecretSealing;
import app.lockstep.domain.config.ViewConfig;
import app.lockstep.domain.project.Environments;
import app.lockstep.domain.project.Projects;
import app.lockstep.domain.shared.Transactions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the config use cases and the secret cipher (which refuses to start without a key
 * outside demo mode).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsKeys.class)
class ConfigUseCases {

	@Bean
	SecretCipher secretCipher(SecretsKeys keys, @Value("${lockstep.demo:false}") boolean demo) {
		return keys.cipher(demo);
	}

	@Bean
	SecretSealing secretSealing(SecretCipher cipher) {
		return new SecretSealing(cipher);
	}

	@Bean
	SaveConfigRevision saveConfigRevision(Projects projects, Environments environments, ConfigRevisions revisions,
			SecretSealing sealing, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new SaveConfigRevision(projects, environments, revisions, sealing, auditLog, transactions, clock);
	}

	@Bean
	RestoreConfigRevision restoreConfigRevision(Projects projects, Environments environments, ConfigRevisions revisions,
			AuditLog auditLog, Transactions transactions, Clock clock) {
		return new RestoreConfigRevision(projects, environments, revisions, auditLog, transactions, clock);
	}

	@Bean
	ViewConfig viewConfig(Projects projects, Environments environments, ConfigRevisions revisions,
			Transactions transactions) {
		return new ViewConfig(projects, environments, revisions, transactions);
	}

	@Bean
	CompareEnvironments compareEnvironments(Projects projects, Environments environments, ConfigRevisions revisions,
			Transactions transactions) {
		return new CompareEnvironments(projects, environments, revisions, transactions);
	}

	@Bean
	BringAcross bringAcross(Projects projects, Environments environments, ConfigRevisions revisions,
			SecretSealing sealing, AuditLog auditLog, Transactions transactions, Clock clock) {
		return new BringAcross(projects, environments, revisions, sealing, auditLog, transactions, clock);
	}

	@Bean
	ReadConfigForDeployment readConfigForDeployment(Projects projects, Environments environments,
			ConfigRevisions revisions, SecretSealing sealing, SecretReads secretReads, Transactions transactions,
			Clock clock, InstanceCaches caches) {
		return new ReadConfigForDeployment(projects, environments, revisions, sealing, secretReads, transactions, clock,
				caches);
	}

	@Bean
	FoldSecretReads foldSecretReads(SecretReads secretReads, AuditLog auditLog, Transactions transactions) {
		return new FoldSecretReads(secretReads, auditLog, transactions);
	}

}
