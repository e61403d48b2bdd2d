package app.lockstep.web.shared;

import java.util.Map;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.shared.ForbiddenException;
import app.lockstep.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.FORBIDDEN;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;
import static app.lockstep.web.shared.FormRefusal.Kind.TAKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which refusals a form shows again, with which status, and which go on to the pages. */
class RefusalsTest {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void anAcceptedSubmissionAnswersAsItSaysWithItsStatusUntouched() {
		assertThat(Refusals.onForm(INVALID).submit(this.response, () -> "redirect:/", (refused) -> "form"))
			.isEqualTo("redirect:/");
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void invalidInputIsTheFormAgainWith422AndTheMessagesByField() {
		String view = Refusals.onForm(INVALID).submit(this.response, () -> {
			throw new ValidationException("name", "Give it a name.");
		}, (refused) -> "form " + refused.errors());
		assertThat(view).isEqualTo("form {name=Give it a name.}");
		assertThat(this.response.getStatus()).isEqualTo(422);
	}

	@Test
	void aTakenValueIs422BesideItsFieldAndAConflictAboutNoFieldGoesOn() {
		Refusals form = Refusals.onForm(INVALID, TAKEN);
		assertThat(form.submit(this.response, () -> {
			throw new ConflictException("slug", "Taken.");
		}, FormRefusal::errors)).isEqualTo(Map.of("slug", "Taken."));
		assertThat(this.response.getStatus()).isEqualTo(422);
		ConflictException stateMoved = new ConflictException("No longer pending.");
		assertThatThrownBy(() -> form.submit(new MockHttpServletResponse(), () -> {
			throw stateMoved;
		}, FormRefusal::errors)).isSameAs(stateMoved);
	}

	@Test
	void conflictsAndForbiddenActionsAre409And403WhenTheFormShowsThem() {
		Refusals card = Refusals.onForm(INVALID, CONFLICT, FORBIDDEN);
		assertThat(card.submit(this.response, () -> {
			throw new ConflictException("role", "The last owner.");
		}, FormRefusal::status)).isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.response.getStatus()).isEqualTo(409);
		MockHttpServletResponse forbidden = new MockHttpServletResponse();
		assertThat(card.submit(forbidden, () -> {
			throw new ForbiddenException("Not your role.");
		}, FormRefusal::errors)).isEqualTo(Map.of(FormErrors.GLOBAL, "Not your role."));
		assertThat(forbidden.getStatus()).isEqualTo(403);
	}

	@Test
	void aRefusalTheFormDoesNotNameGoesOnToTheRefusalPages() {
		ForbiddenException forbidden = new ForbiddenException("Owners only.");
		assertThatThrownBy(() -> Refusals.onForm(INVALID).submit(this.response, () -> {
			throw forbidden;
		}, (refused) -> "form")).isSameAs(forbidden);
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	@Test
	void oneNamedRefusalIsShownWithTheStatusOfItsKind() {
		class Stale extends ConflictException {

			Stale() {
				super("Saved meanwhile.");
			}

		}
		Refusals editor = Refusals.onForm(INVALID).or(Stale.class);
		assertThat(editor.submit(this.response, () -> {
			throw new Stale();
		}, FormRefusal::message)).isEqualTo("Saved meanwhile.");
		assertThat(this.response.getStatus()).isEqualTo(409);
		ConflictException other = new ConflictException("Someone saved at the same moment.");
		assertThatThrownBy(() -> editor.submit(new MockHttpServletResponse(), () -> {
			throw other;
		}, FormRefusal::message)).isSameAs(other);
	}

	@Test
	void aRefusalAnsweredByARedirectSetsNoStatusAndAQueryAnswersOrGivesTheMessages() {
		String view = Refusals.onForm(INVALID).submitOrRedirect(() -> {
			throw new ValidationException("revision", "Nothing to restore.");
		}, (refused) -> "redirect:/history");
		assertThat(view).isEqualTo("redirect:/history");
		assertThat(this.response.getStatus()).isEqualTo(200);
		Refusals.Answer<String> answer = Refusals.onForm(INVALID).query(this.response, () -> {
			throw new ValidationException("from", "Not a date.");
		});
		assertThat(answer.value()).isNull();
		assertThat(answer.errors()).isEqualTo(Map.of("from", "Not a date."));
		assertThat(this.response.getStatus()).isEqualTo(422);
	}

}
