package app.lockstep.web.audit;

import java.time.Clock;

import app.lockstep.domain.audit.AuditCheckpoints;
import app.lockstep.domain.audit.AuditLog;
import app.lockstep.domain.audit.CheckpointSigner;
import app.lockstep.domain.audit.ExportAuditLog;
import app.lockstep.domain.audit.SignCheckpoint;
import app.lockstep.domain.audit.VerifyAuditChain;
import app.lockstep.domain.shared.Transactions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the audit use cases, the checkpoint signing key (refused at start-up outside demo
 * mode when missing) and the daily checkpoint schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSigningKey.class)
@EnableScheduling
class AuditConfiguration {

	@Bean
	CheckpointSigner checkpointSigner(AuditSigningKey key, @Value("${lockstep.demo:false}") boolean demo) {
		return key.signer(demo);
	}

	@Bean
	VerifyAuditChain verifyAuditChain(AuditLog auditLog, AuditCheckpoints checkpoints, CheckpointSigner signer,
			Transactions transactions) {
		return new VerifyAuditChain(auditLog, checkpoints, signer, transactions);
	}

	@Bean
	ExportAuditLog exportAuditLog(AuditLog auditLog, Transactions transactions) {
		return new ExportAuditLog(auditLog, transactions);
	}

	@Bean
	SignCheckpoint signCheckpoint(AuditLog auditLog, AuditCheckpoints checkpoints, CheckpointSigner signer,
			Transactions transactions, Clock clock) {
		return new SignCheckpoint(auditLog, checkpoints, signer, transactions, clock);
	}

}
