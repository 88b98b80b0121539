package dev.spirit.examples.boot.moderation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The moderators' sign-in page; Spring Security handles the form's POST. */
@Controller
public class LoginController {
  /** Created by Spring. */
  public LoginController() {}

  /**
   * The sign-in form.
   *
   * @return the view
   */
  @GetMapping("/login")
  public String login() {
    return "login";
  }
}
