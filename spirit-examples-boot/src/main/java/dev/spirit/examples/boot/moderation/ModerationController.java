package dev.spirit.examples.boot.moderation;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.SpiritException;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewFilter;
import dev.spirit.review.ReviewQueue;
import dev.spirit.storage.PageRequest;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue of a campaign, for signed-in moderators (Spring Security admits only them). A
 * moderator first claims a submission, which gives them its lease for {@code spirit.review.lease}
 * so no one else reviews it meanwhile; then approves, rejects or hides it with that lease, or
 * releases it back to the queue.
 */
@Controller
@RequestMapping("/moderate/{slug}")
public class ModerationController {
  private static final int PAGE = 100;

  private final Spirit spirit;
  private final ReviewQueue queue;

  /**
   * Creates the controller.
   *
   * @param spirit the instance
   * @param queue its review queue (the starter's bean)
   */
  public ModerationController(Spirit spirit, ReviewQueue queue) {
    this.spirit = spirit;
    this.queue = queue;
  }

  /**
   * The queue: pending and hidden submissions, oldest first, with who holds each lease.
   *
   * @param slug the campaign's slug
   * @param moderator the signed-in moderator
   * @param model the view model
   * @return the view
   * @throws NotFoundException if there is no such campaign
   */
  @GetMapping
  public String queue(@PathVariable String slug, Principal moderator, Model model) {
    Campaign campaign = campaign(slug);
    Instant now = spirit.clock().instant();
    List<Row> rows =
        queue
            .list(
                ReviewFilter.builder(campaign.id())
                    .status(SubmissionStatus.PENDING, SubmissionStatus.HIDDEN)
                    .build(),
                PageRequest.first(PAGE))
            .items()
            .stream()
            .map(s -> Row.of(s, moderator.getName(), now))
            .toList();
    model.addAttribute("campaign", campaign);
    model.addAttribute("rows", rows);
    model.addAttribute("moderator", moderator.getName());
    return "moderate";
  }

  /**
   * One line of the queue.
   *
   * @param submission the submission
   * @param reasons why automatic moderation sent it here, if it did
   * @param lease who holds its lease now: {@code mine}, {@code other} or {@code none}
   * @param holder the lease holder's name, or empty
   */
  public record Row(Submission submission, String reasons, String lease, String holder) {
    static Row of(Submission s, String me, Instant now) {
      Optional<ReviewLease> active = s.reviewLease().filter(l -> l.isActiveAt(now));
      String lease = active.map(l -> l.moderator().equals(me) ? "mine" : "other").orElse("none");
      String reasons =
          s.moderation().stream()
              .flatMap(m -> m.reasons().stream())
              .map(ModerationReason::code)
              .distinct()
              .collect(Collectors.joining(", "));
      return new Row(s, reasons, lease, active.map(ReviewLease::moderator).orElse(""));
    }
  }

  /**
   * Claims a submission for the signed-in moderator.
   *
   * @param slug the campaign's slug
   * @param id the submission
   * @param moderator the signed-in moderator
   * @param flash where the outcome is told
   * @return a redirect to the queue
   */
  @PostMapping("/claim")
  public String claim(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String id,
      Principal moderator,
      RedirectAttributes flash) {
    Campaign campaign = campaign(slug);
    try {
      Optional<Submission> claimed = queue.claim(inCampaign(campaign, id), moderator.getName());
      flash.addFlashAttribute(
          "flash",
          claimed.isPresent()
              ? "已认领 · Claimed: it is yours to decide until your lease ends."
              : "别人已认领 · Someone else has claimed it.");
    } catch (SpiritException e) {
      flash.addFlashAttribute("flash", "未认领 · Not claimed: " + e.getMessage());
    }
    return redirect(campaign);
  }

  /**
   * Decides about a submission the moderator has claimed.
   *
   * @param slug the campaign's slug
   * @param id the submission
   * @param version the version the moderator saw
   * @param decision approve, reject or hide
   * @param reason why (required to reject)
   * @param moderator the signed-in moderator
   * @param flash where the outcome is told
   * @return a redirect to the queue
   */
  @PostMapping("/decide")
  public String decide(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String id,
      @RequestParam(defaultValue = "-1") long version,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason,
      Principal moderator,
      RedirectAttributes flash) {
    Campaign campaign = campaign(slug);
    try {
      SubmissionId submission = inCampaign(campaign, id);
      requireOwnLease(submission, moderator.getName());
      ReviewDecision chosen = decision(decision);
      Submission decided =
          queue.decide(
              submission,
              version,
              moderator.getName(),
              chosen,
              reason.isBlank() ? "decided in the queue" : reason);
      flash.addFlashAttribute(
          "flash", "已更新 · Updated: " + decided.status().name().toLowerCase(Locale.ROOT));
    } catch (SpiritException e) {
      flash.addFlashAttribute("flash", "未更新 · Not changed: " + e.getMessage());
    }
    return redirect(campaign);
  }

  /**
   * Gives a claimed submission back to the queue.
   *
   * @param slug the campaign's slug
   * @param id the submission
   * @param moderator the signed-in moderator
   * @param flash where the outcome is told
   * @return a redirect to the queue
   */
  @PostMapping("/release")
  public String release(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String id,
      Principal moderator,
      RedirectAttributes flash) {
    Campaign campaign = campaign(slug);
    try {
      queue.release(inCampaign(campaign, id), moderator.getName());
      flash.addFlashAttribute("flash", "已放回 · Released back to the queue.");
    } catch (SpiritException e) {
      flash.addFlashAttribute("flash", "未放回 · Not released: " + e.getMessage());
    }
    return redirect(campaign);
  }

  private void requireOwnLease(SubmissionId id, String moderator) {
    Submission current =
        spirit.submissions().find(id).orElseThrow(() -> new NotFoundException("submission " + id));
    boolean mine =
        current
            .reviewLease()
            .filter(l -> l.isActiveAt(spirit.clock().instant()))
            .filter(l -> l.moderator().equals(moderator))
            .isPresent();
    if (!mine) {
      throw new InvalidInputException("id", "claim the submission before deciding about it");
    }
  }

  private static ReviewDecision decision(String name) {
    return switch (name) {
      case "approve" -> ReviewDecision.APPROVE;
      case "reject" -> ReviewDecision.REJECT;
      case "hide" -> ReviewDecision.HIDE;
      default ->
          throw new InvalidInputException(
              "decision", "must be approve, reject or hide, was '" + name + "'");
    };
  }

  private SubmissionId inCampaign(Campaign campaign, String id) {
    SubmissionId parsed = SubmissionId.parse(id);
    boolean here =
        spirit
            .submissions()
            .find(parsed)
            .filter(s -> s.campaignId().equals(campaign.id()))
            .isPresent();
    if (!here) {
      throw new NotFoundException("submission " + id + " in campaign " + campaign.slug());
    }
    return parsed;
  }

  private Campaign campaign(String slug) {
    return spirit
        .campaigns()
        .bySlug(slug)
        .orElseThrow(() -> new NotFoundException("campaign '" + slug + "'"));
  }

  private static String redirect(Campaign campaign) {
    return "redirect:/moderate/" + campaign.slug();
  }
}
