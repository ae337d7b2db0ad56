package cn.zibo.livelihood.ops.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security handles the POST. */
@ServeOnly
@Controller
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
