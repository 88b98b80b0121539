package dev.spirit.examples.boot.board;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.SpiritException;
import dev.spirit.examples.boot.DemoProperties;
import dev.spirit.examples.report.Labels;
import dev.spirit.examples.report.WordCloud;
import dev.spirit.examples.web.ConsentFields;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages: the list of open campaigns, each campaign's board (form, wall, word cloud) and
 * the cloud's JSON, which the page's script (the JDK board's {@code board.js}) redraws from.
 */
@Controller
public class BoardController {
  private static final String VISITOR = "spirit.visitor";
  private static final String EXAMPLES_WEB = "dev/spirit/examples/web/";

  private final Spirit spirit;
  private final DemoProperties settings;

  /**
   * Creates the controller.
   *
   * @param spirit the instance the board shows
   * @param settings the app's settings (the cloud's k)
   */
  public BoardController(Spirit spirit, DemoProperties settings) {
    this.spirit = spirit;
    this.settings = settings;
  }

  /**
   * The open campaigns.
   *
   * @param model the view model
   * @return the view
   */
  @GetMapping("/")
  public String index(Model model) {
    model.addAttribute(
        "campaigns",
        spirit.campaigns().list().stream().filter(c -> c.state() == CampaignState.OPEN).toList());
    return "index";
  }

  /**
   * A campaign's board.
   *
   * @param slug the campaign's slug
   * @param model the view model
   * @return the view
   * @throws NotFoundException if there is no such campaign
   */
  @GetMapping("/c/{slug}")
  public String board(@PathVariable String slug, Model model) {
    Campaign campaign = campaign(slug);
    BoardView view = BoardView.of(spirit, campaign, settings.cloudMinimumPeople());
    model.addAttribute("campaign", campaign);
    model.addAttribute(
        "consentVersion", campaign.rules().consentText().map(t -> t.version()).orElse(""));
    model.addAttribute("view", view);
    model.addAttribute("kinds", List.of(SubmissionKind.KEYWORD, SubmissionKind.SLOGAN));
    model.addAttribute(
        "districts",
        new TreeSet<>(campaign.districts())
            .stream().map(d -> new Choice(d.code(), Labels.district(d))).toList());
    model.addAttribute(
        "roles",
        Arrays.stream(Role.values())
            .map(r -> new Choice(r.name().toLowerCase(Locale.ROOT), Labels.role(r)))
            .toList());
    model.addAttribute("cloudWidth", BoardView.CLOUD_WIDTH);
    model.addAttribute("cloudHeight", BoardView.CLOUD_HEIGHT);
    return "board";
  }

  /**
   * The word cloud, laid out, with the number of approved submissions.
   *
   * @param slug the campaign's slug
   * @return the cloud
   * @throws NotFoundException if there is no such campaign
   */
  @GetMapping(path = "/c/{slug}/cloud.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public Cloud cloud(@PathVariable String slug) {
    BoardView view = BoardView.of(spirit, campaign(slug), settings.cloudMinimumPeople());
    return new Cloud(view.approvedCount(), view.cloud());
  }

  /**
   * One option of a select.
   *
   * @param value what the form sends
   * @param label what the visitor reads
   */
  public record Choice(String value, String label) {}

  /**
   * The board's JSON word cloud.
   *
   * @param approved how many submissions are approved
   * @param words the words with their layout
   */
  public record Cloud(int approved, List<WordCloud.PlacedWord> words) {
    /** Copies the list. */
    public Cloud {
      words = List.copyOf(words);
    }
  }

  /**
   * A visitor's submission from the form (Spring Security checks its CSRF token first).
   *
   * @param slug the campaign's slug
   * @param text the words
   * @param kind keyword or slogan
   * @param district the district's code
   * @param role who the visitor is
   * @param consent "yes" if the visitor agreed to the publication and counting of their words
   * @param consentVersion the consent text version the form presented (empty if none)
   * @param session the visitor's session, which holds their pseudonymous participant id
   * @param flash where the outcome is told on the next page
   * @return a redirect to the board
   */
  @PostMapping("/c/{slug}/submit")
  public String submit(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "keyword") String kind,
      @RequestParam(defaultValue = "") String district,
      @RequestParam(defaultValue = "other") String role,
      @RequestParam(defaultValue = "") String consent,
      @RequestParam(defaultValue = "") String consentVersion,
      HttpSession session,
      RedirectAttributes flash) {
    Campaign campaign = campaign(slug);
    String message;
    try {
      Receipt receipt =
          spirit.submit(
              SubmissionRequest.builder(campaign.id())
                  .text(text)
                  .kind(SubmissionKind.parse(kind))
                  .district(district)
                  .channel(Channel.ONLINE)
                  .participant(
                      ConsentFields.participant(
                          campaign,
                          ParticipantId.of(visitor(session)),
                          Role.parse(role),
                          "yes".equals(consent),
                          consentVersion,
                          EnumSet.of(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS),
                          spirit.clock().instant()))
                  .build());
      if (receipt instanceof Receipt.Accepted accepted) {
        message =
            accepted.status() == SubmissionStatus.APPROVED
                ? "谢谢！已发布 · Thank you! Your words are on the wall."
                : "谢谢！审核后发布 · Thank you! Your words will appear after review.";
      } else {
        message =
            "未能提交 · Not submitted: "
                + ((Receipt.Rejected) receipt)
                    .reasons().stream().map(Rejection::message).collect(Collectors.joining("; "));
      }
    } catch (SpiritException e) {
      message = "未能提交 · Not submitted: " + e.getMessage();
    }
    flash.addFlashAttribute("flash", message);
    return "redirect:/c/" + campaign.slug();
  }

  /**
   * The JDK board's script and style sheet, shared from spirit-examples.
   *
   * @param name {@code board.js} or {@code board.css}
   * @return the file
   */
  @GetMapping("/static/{name:board\\.(?:js|css)}")
  public ResponseEntity<Resource> asset(@PathVariable String name) {
    MediaType type =
        name.endsWith(".js")
            ? MediaType.valueOf("text/javascript;charset=UTF-8")
            : MediaType.valueOf("text/css;charset=UTF-8");
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noCache())
        .body(new ClassPathResource(EXAMPLES_WEB + name));
  }

  private Campaign campaign(String slug) {
    return spirit
        .campaigns()
        .bySlug(slug)
        .orElseThrow(() -> new NotFoundException("campaign '" + slug + "'"));
  }

  /** The visitor's pseudonymous participant id, made at their first submission. */
  private static String visitor(HttpSession session) {
    Object id = session.getAttribute(VISITOR);
    if (id instanceof String existing) {
      return existing;
    }
    String created = "web-" + UUID.randomUUID();
    session.setAttribute(VISITOR, created);
    return created;
  }
}
