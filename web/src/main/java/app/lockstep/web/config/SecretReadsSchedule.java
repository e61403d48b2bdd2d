package app.lockstep.web.config;

import app.lockstep.domain.config.FoldSecretReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the recorded secret reads into the audit chain every
 * {@code lockstep.audit.secret-reads-fold-interval} (30 s by default). Every instance
 * folds; each read is folded once (see {@link FoldSecretReads}). Off with the scheduler
 * ({@code lockstep.scheduler.enabled=false}, as in the tests, which fold when they
 * choose).
 */
@Component
class SecretReadsSchedule {

	private static final Logger log = LoggerFactory.getLogger(SecretReadsSchedule.class);

	private final FoldSecretReads fold;

	private final boolean enabled;

	SecretReadsSchedule(FoldSecretReads fold, @Value("${lockstep.scheduler.enabled:true}") boolean enabled) {
		this.fold = fold;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${lockstep.audit.secret-reads-fold-interval:30s}",
			initialDelayString = "${lockstep.audit.secret-reads-fold-interval:30s}")
	void foldAll() {
		if (!this.enabled) {
			return;
		}
		try {
			FoldSecretReads.Folded folded = this.fold.foldAll();
			if (folded.reads() > 0) {
				log.info("Folded {} secret reads into {} audit events", folded.reads(), folded.events());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Folding secret reads failed; the reads wait for the next run", ex);
		}
	}

}
