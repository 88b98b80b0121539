package dev.spirit.examples.boot.moderation;

import dev.spirit.Spirit;
import dev.spirit.error.SpiritException;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.kiosk.KioskCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page for kiosk tokens: issue one for a device (its token is shown once, only the hash
 * is stored), see every token with its state, revoke one. It works on every store, including the
 * file store that this running app holds locked (where {@code spirit kiosk issue} cannot run); on a
 * database every instance of the app sees the same tokens.
 */
@Controller
@RequestMapping("/kiosks")
public class KiosksController {
  /** The longest lifetime the page offers: a year, after which a device gets a new token. */
  static final int MAX_DAYS = 366;

  private final Spirit spirit;

  /**
   * Creates the controller.
   *
   * @param spirit the instance
   */
  public KiosksController(Spirit spirit) {
    this.spirit = spirit;
  }

  /** A token as the page lists it. */
  record Row(KioskCredential credential, String state) {}

  /**
   * Every token, oldest first, with whether it is active, expired or revoked.
   *
   * @param model the view's model
   * @return the view
   */
  @GetMapping
  public String list(Model model) {
    Instant now = Instant.now();
    List<Row> rows =
        spirit.kiosks().list().stream()
            .map(
                k ->
                    new Row(
                        k,
                        k.revokedAt().isPresent()
                            ? "revoked"
                            : k.isActiveAt(now) ? "active" : "expired"))
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("maxDays", MAX_DAYS);
    return "kiosks";
  }

  /**
   * Issues a token and shows it once.
   *
   * @param name the device's name
   * @param days how many days the token is accepted (1 to {@value #MAX_DAYS})
   * @param flash where the outcome goes for the next page
   * @return a redirect to the list
   */
  @PostMapping("/issue")
  public String issue(@RequestParam String name, @RequestParam int days, RedirectAttributes flash) {
    if (days < 1 || days > MAX_DAYS) {
      flash.addFlashAttribute(
          "problem", "有效天数须在 1 到 " + MAX_DAYS + " 之间 · Days must be 1 to " + MAX_DAYS + ".");
      return "redirect:/kiosks";
    }
    try {
      IssuedKioskToken issued = spirit.kiosks().issue(name.trim(), Duration.ofDays(days));
      flash.addFlashAttribute("issued", issued);
    } catch (SpiritException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/kiosks";
  }

  /**
   * Revokes a token: every instance refuses it from the next request on.
   *
   * @param id the token id
   * @param flash where the outcome goes for the next page
   * @return a redirect to the list
   */
  @PostMapping("/{id}/revoke")
  public String revoke(@PathVariable String id, RedirectAttributes flash) {
    try {
      KioskCredential revoked = spirit.kiosks().revoke(id);
      flash.addFlashAttribute("flash", "已吊销 · Revoked: " + revoked.name() + " (" + id + ")");
    } catch (SpiritException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/kiosks";
  }
}
