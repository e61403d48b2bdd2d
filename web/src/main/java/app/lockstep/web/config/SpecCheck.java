package app.lockstep.web.config;

import java.util.List;

import app.lockstep.domain.config.spec.LineError;
import app.lockstep.domain.config.spec.SpecParse;

/**
 * A spec's errors and warnings, each with its line and column, as the editor shows them.
 */
record SpecCheck(boolean valid, List<Problem> errors, List<Problem> warnings) {

	record Problem(int line, int column, String message) {

		static Problem of(LineError error) {
			return new Problem(error.line(), error.column(), error.message());
		}

	}

	static SpecCheck of(SpecParse parse) {
		return new SpecCheck(parse.valid(), parse.errors().stream().map(Problem::of).toList(),
				parse.warnings().stream().map(Problem::of).toList());
	}

}
