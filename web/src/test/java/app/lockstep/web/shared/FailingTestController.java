package app.lockstep.web.shared;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only in tests: a route that fails, to see what a person gets on a server error. */
@RestController
class FailingTestController {

	@GetMapping("/test-only/failure")
	String fail() {
		throw new IllegalStateException("internal detail that must not leak: at app.lockstep.Secret");
	}

}
