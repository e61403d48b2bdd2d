package app.lockstep.web.tenancy;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.lockstep.domain.shared.NotFoundException;
import app.lockstep.domain.shared.UserId;
import app.lockstep.domain.shared.ValidationException;
import app.lockstep.domain.access.Caller;
import app.lockstep.domain.tenancy.ChangeMemberRole;
import app.lockstep.domain.tenancy.Invitation;
import app.lockstep.domain.tenancy.InviteMember;
import app.lockstep.domain.tenancy.ListMembers;
import app.lockstep.domain.tenancy.Member;
import app.lockstep.domain.access.Permission;
import app.lockstep.domain.tenancy.RemoveMember;
import app.lockstep.domain.tenancy.RevokeInvitation;
import app.lockstep.domain.access.Role;
import app.lockstep.web.shared.FormRefusal;
import app.lockstep.web.shared.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static app.lockstep.web.shared.FormRefusal.Kind.CONFLICT;
import static app.lockstep.web.shared.FormRefusal.Kind.INVALID;
import static app.lockstep.web.shared.FormRefusal.Kind.TAKEN;

/**
 * The member list, pending invitations, inviting, re-roling and removing. Every action
 * works as a plain form post (post/redirect/get) and, for htmx requests, answers only the
 * fragment that changed.
 */
@Controller
@RequestMapping("/orgs/{org}/members")
class MembersController {

	static final String PAGE = "tenancy/members";

	static final String MEMBER_ROW = "tenancy/fragments/member-row :: row";

	private static final String REDIRECT = "redirect:/orgs/{org}/members";

	private final ListMembers listMembers;

	private final InviteMember inviteMember;

	private final ChangeMemberRole changeMemberRole;

	private final RemoveMember removeMember;

	private final RevokeInvitation revokeInvitation;

	MembersController(ListMembers listMembers, InviteMember inviteMember, ChangeMemberRole changeMemberRole,
			RemoveMember removeMember, RevokeInvitation revokeInvitation) {
		this.listMembers = listMembers;
		this.inviteMember = inviteMember;
		this.changeMemberRole = changeMemberRole;
		this.removeMember = removeMember;
		this.revokeInvitation = revokeInvitation;
	}

	/** What the invite form holds; kept as typed when it is refused. */
	record InviteForm(@Nullable String email, @Nullable String role) {
	}

	/** A member as one table row shows them. */
	record MemberRow(String id, String name, String email, Role role, String since, boolean self, boolean manageable) {

		public String roleLabel() {
			return "Role of " + this.name;
		}

		public String removeLabel() {
			return this.self ? "Leave" : "Remove";
		}

		/** What the remove button asks before it acts. */
		public String confirmRemoval(String organization) {
			return this.self ? "Leave " + organization + "? You lose access at once."
					: "Remove " + this.name + " from " + organization + "?";
		}

	}

	/** A pending invitation as one table row shows it. */
	record InvitationRow(String id, String email, Role role, String invitedBy, String expires) {

		/** What the withdraw button asks before it acts. */
		public String withdrawConfirm() {
			return "Withdraw the invitation for " + this.email + "? Its link stops working.";
		}

	}

	/** The invitation just created, with its link: shown once, never stored. */
	record InviteResult(String link, String email, Role role, String expires) {
	}

	/** The roles this caller may hand out: OWNER only for those who manage owners. */
	@ModelAttribute("roles")
	List<Role> roles(Caller caller) {
		return Arrays.stream(Role.values())
			.filter((role) -> role != Role.OWNER || caller.can(Permission.MANAGE_OWNERS))
			.toList();
	}

	@GetMapping
	String page(Caller caller, Model model) {
		return page(caller, model, newInviteForm(), Map.of());
	}

	@PostMapping("/invitations")
	@Nullable String invite(Caller caller, @ModelAttribute("inviteForm") InviteForm form, Model model, HtmxRequest htmx,
			HttpServletResponse response) {
		return Refusals.onForm(INVALID, TAKEN).submit(response, () -> {
			InviteMember.Issued issued = this.inviteMember.invite(caller, SignupController.text(form.email()),
					parseRole(form.role()));
			Invitation invitation = issued.invitation();
			String link = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/invitations/{token}")
				.buildAndExpand(issued.token().value())
				.toUriString();
			model.addAttribute("invited", new InviteResult(link, invitation.email(), invitation.role(),
					Times.dateTime(invitation.expiresAt(), caller.organization().timeZone())));
			if (htmx.isHtmxRequest()) {
				model.addAttribute("inviteForm", newInviteForm());
				model.addAttribute("errors", Map.of());
				model.addAttribute("invitations", invitations(caller, this.listMembers.list(caller)));
				return "tenancy/fragments/invite-response";
			}
			// No post/redirect/get: the link is a one-time secret, so this very response
			// shows it.
			return page(caller, model, newInviteForm(), Map.of());
		}, (refused) -> {
			if (htmx.isHtmxRequest()) {
				model.addAttribute("inviteForm", form);
				model.addAttribute("errors", refused.errors());
				return "tenancy/fragments/invite-form :: panel";
			}
			return page(caller, model, form, refused.errors());
		});
	}

	@PostMapping("/{userId}/role")
	@Nullable String changeRole(Caller caller, @PathVariable UUID userId, @RequestParam(required = false) @Nullable String role,
			Model model, RedirectAttributes redirect, HtmxRequest htmx, HttpServletResponse response) {
		UserId user = new UserId(userId);
		Role newRole = parseRole(role);
		return Refusals.onForm(CONFLICT).submit(response, () -> {
			Member changed = this.changeMemberRole.change(caller, user, newRole);
			if (htmx.isHtmxRequest()) {
				if (user.equals(caller.userId())) {
					// Your own role changed: reload, so the page offers what the new role
					// allows.
					response.setHeader("HX-Refresh", "true");
				}
				return row(caller, changed, model, Map.of(),
						Map.of(changed.userId().toString(), "Now " + changed.role().label() + "."));
			}
			redirect.addFlashAttribute("flash", changed.name() + " is now " + changed.role().label() + ".");
			return REDIRECT;
		}, (refused) -> refused(caller, user, refused, model, htmx));
	}

	@PostMapping("/{userId}/remove")
	@Nullable String remove(Caller caller, @PathVariable UUID userId, Model model, RedirectAttributes redirect, HtmxRequest htmx,
			HttpServletResponse response) {
		UserId user = new UserId(userId);
		String name = caller.can(Permission.VIEW_MEMBERS)
				? findOptional(caller, user).map(Member::name).orElse("The member") : "The member";
		return Refusals.onForm(CONFLICT).submit(response, () -> {
			this.removeMember.remove(caller, user);
			boolean self = user.equals(caller.userId());
			if (htmx.isHtmxRequest()) {
				// Yourself: to the start page, this organization is no longer yours.
				// Someone else: an empty answer, and htmx swaps the row away.
				return self ? "redirect:htmx:/" : null;
			}
			if (self) {
				return "redirect:/";
			}
			redirect.addFlashAttribute("flash", name + " was removed from " + caller.organization().name() + ".");
			return REDIRECT;
		}, (refused) -> refused(caller, user, refused, model, htmx));
	}

	@PostMapping("/invitations/{id}/revoke")
	@Nullable String revoke(Caller caller, @PathVariable UUID id, Model model, RedirectAttributes redirect, HtmxRequest htmx,
			HttpServletResponse response) {
		return Refusals.onForm(CONFLICT).submit(response, () -> {
			this.revokeInvitation.revoke(caller, id);
			if (htmx.isHtmxRequest()) {
				// An empty answer: htmx swaps the row away.
				return null;
			}
			redirect.addFlashAttribute("flash", "Invitation withdrawn: its link no longer works.");
			return REDIRECT;
		}, (refused) -> {
			if (htmx.isHtmxRequest()) {
				model.addAttribute("invitationId", id.toString());
				model.addAttribute("message", refused.message());
				return "tenancy/fragments/invitation-row :: gone";
			}
			model.addAttribute("pageError", refused.message());
			return page(caller, model, newInviteForm(), Map.of());
		});
	}

	/** A refused change of one member (the last owner): the message beside their row. */
	private String refused(Caller caller, UserId user, FormRefusal refused, Model model, HtmxRequest htmx) {
		Map<String, String> rowErrors = Map.of(user.toString(), refused.message());
		Member member = find(caller, user);
		if (htmx.isHtmxRequest()) {
			return row(caller, member, model, rowErrors, Map.of());
		}
		model.addAttribute("rowErrors", rowErrors);
		model.addAttribute("pageError", "Nothing was changed: see the message beside " + member.name() + ".");
		return page(caller, model, newInviteForm(), Map.of());
	}

	private String row(Caller caller, Member member, Model model, Map<String, String> rowErrors,
			Map<String, String> rowNotices) {
		model.addAttribute("member", memberRow(caller, member));
		model.addAttribute("rowErrors", rowErrors);
		model.addAttribute("rowNotices", rowNotices);
		return MEMBER_ROW;
	}

	private String page(Caller caller, Model model, InviteForm form, Map<String, String> errors) {
		ListMembers.View view = this.listMembers.list(caller);
		List<MemberRow> members = view.members().stream().map((member) -> memberRow(caller, member)).toList();
		model.addAttribute("members", members);
		model.addAttribute("people", (members.size() == 1) ? "1 person" : members.size() + " people");
		model.addAttribute("invitations", invitations(caller, view));
		model.addAttribute("inviteForm", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("rowErrors")) {
			model.addAttribute("rowErrors", Map.of());
		}
		model.addAttribute("rowNotices", Map.of());
		model.addAttribute("section", "members");
		return PAGE;
	}

	private Member find(Caller caller, UserId user) {
		return findOptional(caller, user).orElseThrow(() -> new NotFoundException("No such member."));
	}

	private Optional<Member> findOptional(Caller caller, UserId user) {
		return this.listMembers.list(caller)
			.members()
			.stream()
			.filter((member) -> member.userId().equals(user))
			.findFirst();
	}

	private static MemberRow memberRow(Caller caller, Member member) {
		boolean manageable = caller.can(Permission.MANAGE_MEMBERS)
				&& (member.role() != Role.OWNER || caller.can(Permission.MANAGE_OWNERS));
		return new MemberRow(member.userId().toString(), member.name(), member.email(), member.role(),
				Times.date(member.since(), caller.organization().timeZone()), member.userId().equals(caller.userId()),
				manageable);
	}

	private static List<InvitationRow> invitations(Caller caller, ListMembers.View view) {
		return view.pendingInvitations()
			.stream()
			.map((invitation) -> new InvitationRow(invitation.id().toString(), invitation.email(), invitation.role(),
					(invitation.invitedByName() != null) ? invitation.invitedByName() : "someone",
					Times.dateTime(invitation.expiresAt(), caller.organization().timeZone())))
			.toList();
	}

	private static InviteForm newInviteForm() {
		return new InviteForm("", Role.DEVELOPER.name());
	}

	static Role parseRole(@Nullable String value) {
		if (value != null) {
			for (Role role : Role.values()) {
				if (role.name().equals(value)) {
					return role;
				}
			}
		}
		throw new ValidationException("role", "Choose one of the roles.");
	}

}
