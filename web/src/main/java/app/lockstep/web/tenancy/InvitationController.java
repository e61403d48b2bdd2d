package app.lockstep.web.tenancy;

import java.util.Map;

import app.lockstep.domain.shared.ConflictException;
import app.lockstep.domain.tenancy.AcceptInvitation;
import app.lockstep.domain.tenancy.InvitationToken;
import app.lockstep.domain.shared.Organization;
import app.lockstep.domain.tenancy.ResolveMembership;
import app.lockstep.domain.tenancy.SignUp;
import app.lockstep.web.shared.ClientAddress;
import app.lockstep.web.shared.CurrentUser;
import app.lockstep.web.shared.SessionLogin;
import app.lockstep.web.shared.SignedInUser;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;
import static app.lockstep.web.shared.FormRefusal.Kind.TAKEN;

/**
 * The page behind an invitation link: who invites whom to what, and the way in. Someone
 * without an account signs up from it; a signed-in person with the invited address joins
 * with one click. The link itself is public; joining as a signed-in person is not.
 */
@Controller
class InvitationController {

	static final String PAGE = "tenancy/invitation";

	private final AcceptInvitation acceptInvitation;

	private final ResolveMembership resolveMembership;

	private final SessionLogin sessionLogin;

	/**
	 * Remembers the link for someone who logs in first: Spring Security's login sends
	 * them back to it.
	 */
	private final RequestCache requestCache = new HttpSessionRequestCache();

	InvitationController(AcceptInvitation acceptInvitation, ResolveMembership resolveMembership,
			SessionLogin sessionLogin) {
		this.acceptInvitation = acceptInvitation;
		this.resolveMembership = resolveMembership;
		this.sessionLogin = sessionLogin;
	}

	record JoinForm(@Nullable String name, @Nullable String password) {
	}

	/** The invitation, as its page shows it. */
	record InvitationView(String token, String organization, String orgSlug, String email, String roleLabel,
			String roleDescription, String invitedBy, String expires) {

		public String join() {
			return "Join " + this.organization;
		}

	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		AcceptInvitation.Pending pending = this.acceptInvitation.read(new InvitationToken(token));
		if (CurrentUser.optional().isEmpty()) {
			this.requestCache.saveRequest(request, response);
		}
		return page(token, pending, new JoinForm("", ""), Map.of(), model);
	}

	@PostMapping("/invitations/{token}/signup")
	String signUp(@PathVariable String token, @ModelAttribute JoinForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		InvitationToken invitationToken = new InvitationToken(token);
		AcceptInvitation.Pending pending = this.acceptInvitation.read(invitationToken);
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			AcceptInvitation.Joined joined = this.acceptInvitation.signUpAndAccept(invitationToken,
					SignupController.text(form.name()), SignupController.text(form.password()),
					ClientAddress.of(request));
			this.sessionLogin.signIn(new SignedInUser(joined.user(), joined.email(), joined.name(), null, false),
					request, response);
			return "redirect:/orgs/" + joined.organization().slug();
		}, (refused) -> page(token, pending, new JoinForm(form.name(), ""), refused.errors(), model));
	}

	@PostMapping("/invitations/{token}/accept")
	String accept(@PathVariable String token, HttpServletRequest request) {
		SignedInUser user = CurrentUser.required();
		Organization organization = this.acceptInvitation.accept(new InvitationToken(token), user.id(), user.email(),
				user.name(), ClientAddress.of(request));
		return "redirect:/orgs/" + organization.slug();
	}

	/**
	 * Expired, withdrawn or used links, and joining twice: a page that says so and what
	 * to do.
	 */
	@ExceptionHandler(ConflictException.class)
	ModelAndView closed(ConflictException ex) {
		ModelAndView page = new ModelAndView("tenancy/invitation-closed", HttpStatus.CONFLICT);
		page.addObject("message", ex.getMessage());
		return page;
	}

	private String page(String token, AcceptInvitation.Pending pending, JoinForm form, Map<String, String> errors,
			Model model) {
		Organization organization = pending.organization();
		var invitation = pending.invitation();
		model.addAttribute("invitation",
				new InvitationView(token, organization.name(), organization.slug(), invitation.email(),
						invitation.role().label(), invitation.role().description(),
						(invitation.invitedByName() != null) ? invitation.invitedByName() : "A member",
						Times.dateTime(invitation.expiresAt(), organization.timeZone())));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		CurrentUser.optional().ifPresent((user) -> {
			model.addAttribute("emailMatches", user.email().equals(SignUp.normalizeEmail(invitation.email())));
			model.addAttribute("alreadyMember",
					this.resolveMembership.of(user.id())
						.stream()
						.anyMatch((membership) -> membership.organization().id().equals(organization.id())));
		});
		return PAGE;
	}

}
