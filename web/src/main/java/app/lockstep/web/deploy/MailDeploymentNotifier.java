package app.lockstep.web.deploy;

import app.lockstep.domain.deploy.DeploymentNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emails approvers and leads when SMTP is configured ({@code spring.mail.host}); without
 * it, notices are only logged (the queues in the app are the record). Mail goes out after
 * the change commits, so a rolled-back request sends nothing, and a mail failure never
 * undoes a change.
 */
@Component
class MailDeploymentNotifier implements DeploymentNotifier {

	private static final Logger log = LoggerFactory.getLogger(MailDeploymentNotifier.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	MailDeploymentNotifier(ObjectProvider<JavaMailSender> mailSender,
			@Value("${lockstep.mail.from:lockstep@localhost}") String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	@Override
	public void send(Notice notice) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(notice);
				}
			});
		}
		else {
			deliver(notice);
		}
	}

	private void deliver(Notice notice) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			log.info("Notice for {} recipient(s) not emailed (no SMTP configured): {}", notice.to().size(),
					notice.subject());
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setBcc(notice.to().toArray(String[]::new));
		message.setSubject(notice.subject());
		message.setText(notice.body());
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			log.warn("Could not email a deployment notice ({}): {}", notice.subject(), ex.getMessage());
		}
	}

}
