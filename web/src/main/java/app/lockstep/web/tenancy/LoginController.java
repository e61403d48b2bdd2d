package app.lockstep.web.tenancy;

import app.lockstep.web.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return CurrentUser.optional().isPresent() ? "redirect:/" : "tenancy/login";
	}

}
