package dev.spirit.examples.web;

import static dev.spirit.examples.report.Html.escape;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.District;
import dev.spirit.examples.report.Labels;
import dev.spirit.examples.report.WordCloud;
import dev.spirit.participant.Role;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The board's HTML pages. Every user-supplied text passes through {@code Html.escape}. */
final class Pages {
  static final int CLOUD_WIDTH = 640;
  static final int CLOUD_HEIGHT = 300;
  static final int CLOUD_WORDS = 50;

  private Pages() {}

  private static String head(String title) {
    return "<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><link rel=\"stylesheet\" href=\"/static/board.css\"></head><body>";
  }

  private static String flash(@Nullable String flash) {
    return flash == null
        ? ""
        : "<div class=\"flash\" id=\"flash\" role=\"status\">" + escape(flash) + "</div>";
  }

  static String index(List<Campaign> campaigns) {
    StringBuilder out = new StringBuilder(head("Spirit · 留言板 Message board"));
    out.append("<header class=\"top\"><h1>留言板 · Message board</h1>")
        .append("<p>选择一个征集活动 · Choose a campaign</p></header><main><div class=\"panel\">")
        .append("<ul class=\"campaigns\">");
    if (campaigns.isEmpty()) {
      out.append("<li class=\"empty\">暂无活动 · No open campaign</li>");
    }
    for (Campaign c : campaigns) {
      out.append("<li><a href=\"/c/")
          .append(escape(c.slug()))
          .append("\">")
          .append(escape(c.title().zh()))
          .append(" · ")
          .append(escape(c.title().en()))
          .append("</a></li>");
    }
    return out.append("</ul></div></main></body></html>").toString();
  }

  static String campaign(
      Campaign c,
      List<Submission> wall,
      long approved,
      List<WordCloud.PlacedWord> cloud,
      List<Submission> appealable,
      String csrf,
      @Nullable String flash) {
    StringBuilder out = new StringBuilder(head(c.title().zh() + " · " + c.title().en()));
    out.append("<header class=\"top\"><h1>")
        .append(escape(c.title().zh()))
        .append(" · ")
        .append(escape(c.title().en()))
        .append("</h1><p>")
        .append(escape(c.prompt().zh()))
        .append(" — ")
        .append(escape(c.prompt().en()))
        .append("</p></header><main>")
        .append(flash(flash))
        .append("<div class=\"layout\"><section class=\"panel\"><h2>留言 · Leave a word</h2>")
        .append("<form method=\"post\" action=\"/c/")
        .append(escape(c.slug()))
        .append("/submit\" id=\"submit-form\">")
        .append(csrfField(csrf))
        .append("<label for=\"text\">词语或口号 · Word or slogan</label>")
        .append(
            "<textarea id=\"text\" name=\"text\" maxlength=\"200\" required"
                + " placeholder=\"耿直 · candor\"></textarea>")
        .append("<label for=\"kind\">类型 · Kind</label><select id=\"kind\" name=\"kind\">")
        .append("<option value=\"keyword\">词语 keyword</option>")
        .append("<option value=\"slogan\">口号 slogan</option></select>")
        .append("<label for=\"district\">区县 · District</label>")
        .append("<select id=\"district\" name=\"district\">");
    for (District d : new java.util.TreeSet<>(c.districts())) {
      out.append("<option value=\"")
          .append(escape(d.code()))
          .append("\">")
          .append(escape(Labels.district(d)))
          .append("</option>");
    }
    out.append("</select><label for=\"role\">身份 · I am a</label>")
        .append("<select id=\"role\" name=\"role\">");
    for (Role r : Role.values()) {
      out.append("<option value=\"")
          .append(r.name().toLowerCase(java.util.Locale.ROOT))
          .append("\">")
          .append(escape(Labels.role(r)))
          .append("</option>");
    }
    out.append("</select><input type=\"hidden\" name=\"channel\" value=\"online\">")
        .append(consentVersion(c))
        .append("<label class=\"check\"><input type=\"checkbox\" id=\"consent\" name=\"consent\"")
        .append(" value=\"yes\"><span>我同意发布并统计我的留言 · I agree that my words may be")
        .append(" published and counted</span></label>")
        .append("<button class=\"primary\" type=\"submit\" id=\"send\">提交 · Submit</button></form>")
        .append("</section><div><section class=\"panel\"><h2>词云 · Live word cloud")
        .append(" <span class=\"badge\"><span id=\"approved-count\">")
        .append(approved)
        .append("</span> 条 approved</span></h2>")
        .append("<svg id=\"cloud\" class=\"cloud\" viewBox=\"0 0 ")
        .append(CLOUD_WIDTH)
        .append(' ')
        .append(CLOUD_HEIGHT)
        .append("\" data-src=\"/c/")
        .append(escape(c.slug()))
        .append("/cloud.json\" role=\"img\" aria-label=\"word cloud\"")
        .append(" xmlns=\"http://www.w3.org/2000/svg\">");
    String svg = WordCloud.svg(cloud, CLOUD_WIDTH, CLOUD_HEIGHT, "word cloud");
    out.append(svg, svg.indexOf('>') + 1, svg.length() - "</svg>".length())
        .append("</svg></section><section class=\"panel\"><h2>留言墙 · The wall</h2>")
        .append("<ul class=\"wall\" id=\"wall\">");
    if (wall.isEmpty()) {
      out.append("<li class=\"empty\">还没有通过审核的留言 · Nothing approved yet</li>");
    }
    for (Submission s : wall) {
      out.append("<li data-id=\"")
          .append(escape(s.id().toString()))
          .append("\"><div class=\"text\">")
          .append(escape(s.displayText()))
          .append("</div><div class=\"meta\"><span>")
          .append(escape(Labels.district(s.district())))
          .append("</span><form method=\"post\" action=\"/c/")
          .append(escape(c.slug()))
          .append("/report\">")
          .append(csrfField(csrf))
          .append("<input type=\"hidden\" name=\"id\" value=\"")
          .append(escape(s.id().toString()))
          .append("\"><button class=\"small report\" type=\"submit\" title=\"举报 Report this\">")
          .append("举报 · Report</button></form></div></li>");
    }
    out.append("</ul></section>");
    if (!appealable.isEmpty()) {
      out.append("<section class=\"panel\"><h2>我的未发布留言 · Your words not shown</h2>")
          .append("<ul class=\"wall\" id=\"appealable\">");
      for (Submission s : appealable) {
        out.append("<li data-id=\"")
            .append(escape(s.id().toString()))
            .append("\"><div class=\"text\">")
            .append(escape(s.displayText()))
            .append("</div><div class=\"meta\"><span>")
            .append(escape(Labels.status(s.status())))
            .append("</span><form method=\"post\" action=\"/c/")
            .append(escape(c.slug()))
            .append("/appeal\">")
            .append(csrfField(csrf))
            .append("<input type=\"hidden\" name=\"id\" value=\"")
            .append(escape(s.id().toString()))
            .append("\"><input type=\"text\" name=\"reason\" maxlength=\"200\"")
            .append(" placeholder=\"理由 · Why\" aria-label=\"appeal reason\">")
            .append("<button class=\"small appeal\" type=\"submit\">申诉 · Appeal</button>")
            .append("</form></div></li>");
      }
      out.append("</ul></section>");
    }
    out.append("</div></div></main>")
        .append("<footer>Spirit · <a href=\"/moderate/")
        .append(escape(c.slug()))
        .append("\">审核 moderation</a></footer>")
        .append("<script src=\"/static/board.js\"></script></body></html>");
    return out.toString();
  }

  static String login(Campaign c, String csrf, @Nullable String flash) {
    return head("审核登录 · Moderator sign-in")
        + "<header class=\"top\"><h1>审核 · Moderation</h1><p>"
        + escape(c.title().zh() + " · " + c.title().en())
        + "</p></header><main>"
        + flash(flash)
        + "<section class=\"panel\"><form method=\"post\" action=\"/moderate/"
        + escape(c.slug())
        + "/login\">"
        + csrfField(csrf)
        + "<label for=\"token\">审核口令 · Moderator token</label>"
        + "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"off\" required>"
        + "<button class=\"primary\" type=\"submit\" id=\"login\">登录 · Sign in</button>"
        + "</form></section></main></body></html>";
  }

  static String moderate(
      Campaign c,
      List<Submission> pending,
      List<Submission> reported,
      Map<String, Long> reports,
      long notShown,
      String moderator,
      String csrf,
      @Nullable String flash) {
    StringBuilder out = new StringBuilder(head("审核 · Moderation · " + c.slug()));
    out.append("<header class=\"top\"><h1>审核 · Moderation</h1><p>")
        .append(escape(c.title().zh() + " · " + c.title().en()))
        .append(" · <a href=\"/c/")
        .append(escape(c.slug()))
        .append("\">公开页面 public page</a></p>")
        .append("<form method=\"post\" action=\"/moderate/")
        .append(escape(c.slug()))
        .append("/logout\" class=\"signout\">")
        .append(csrfField(csrf))
        .append("<span id=\"moderator\">")
        .append(escape(moderator))
        .append("</span> <button class=\"small\" type=\"submit\" id=\"logout\">")
        .append("退出并释放 · Sign out and release</button></form></header><main>")
        .append(flash(flash))
        .append("<p class=\"note\" id=\"claim-note\">这些条目已为你保留 · These items are held for you")
        .append(" (review lease); ")
        .append(notShown)
        .append(" 条其他 · more waiting or held by other moderators</p>");
    queue(out, c, "待审 · Waiting for review", "pending", pending, reports, csrf);
    queue(out, c, "被举报与已隐藏 · Reported and hidden", "reported", reported, reports, csrf);
    return out.append("</main></body></html>").toString();
  }

  private static void queue(
      StringBuilder out,
      Campaign c,
      String title,
      String id,
      List<Submission> items,
      Map<String, Long> reports,
      String csrf) {
    out.append("<section class=\"panel\"><h2>")
        .append(escape(title))
        .append(" <span class=\"badge\">")
        .append(items.size())
        .append("</span></h2><table class=\"queue\" id=\"")
        .append(id)
        .append("\">");
    if (items.isEmpty()) {
      out.append("<tr><td class=\"empty\">没有 · Nothing here</td></tr>");
    }
    for (Submission s : items) {
      long n = reports.getOrDefault(s.id().toString(), 0L);
      out.append("<tr data-id=\"")
          .append(escape(s.id().toString()))
          .append("\"><td><div class=\"text\">")
          .append(escape(s.text().original()))
          .append("</div><div class=\"why\">")
          .append(escape(Labels.district(s.district())))
          .append(" · ")
          .append(escape(s.channel().key()))
          .append(" · ")
          .append(escape(Labels.status(s.status())));
      if (n > 0) {
        out.append(" · ").append(n).append(" 举报 reports");
      }
      s.moderation()
          .filter(m -> !m.reasons().isEmpty())
          .ifPresent(
              m ->
                  out.append(" · ")
                      .append(
                          escape(
                              m.reasons().stream()
                                  .map(ModerationReason::code)
                                  .collect(Collectors.joining(", ")))));
      out.append("</div></td><td class=\"actions\">");
      if (s.status() != SubmissionStatus.APPROVED) {
        action(out, c, s, "approve", "通过 Approve", csrf);
      }
      if (s.status() != SubmissionStatus.REJECTED) {
        action(out, c, s, "reject", "拒绝 Reject", csrf);
      }
      if (s.status() == SubmissionStatus.APPROVED || s.status() == SubmissionStatus.PENDING) {
        action(out, c, s, "hide", "隐藏 Hide", csrf);
      }
      out.append("</td></tr>");
    }
    out.append("</table></section>");
  }

  private static void action(
      StringBuilder out, Campaign c, Submission s, String action, String label, String csrf) {
    out.append("<form method=\"post\" action=\"/moderate/")
        .append(escape(c.slug()))
        .append("/decide\">")
        .append(csrfField(csrf))
        .append("<input type=\"hidden\" name=\"id\" value=\"")
        .append(escape(s.id().toString()))
        .append("\"><input type=\"hidden\" name=\"version\" value=\"")
        .append(s.version())
        .append("\"><input type=\"hidden\" name=\"action\" value=\"")
        .append(action)
        .append("\"><button class=\"small ")
        .append(action)
        .append("\" type=\"submit\">")
        .append(escape(label))
        .append("</button></form> ");
  }

  private static String csrfField(String csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">";
  }

  static String error(int status, String message) {
    return head("Error " + status)
        + "<header class=\"top\"><h1>"
        + status
        + "</h1><p>"
        + escape(message)
        + "</p></header><main><p><a href=\"/\">← 返回 Back</a></p></main></body></html>";
  }

  /** The consent text version the form presents, shown and sent back with the submission. */
  private static String consentVersion(Campaign c) {
    return c.rules()
        .consentText()
        .map(
            t ->
                "<input type=\"hidden\" name=\"consentVersion\" value=\""
                    + escape(t.version())
                    + "\"><p class=\"hint\" id=\"consent-version\">同意书版本 · Consent text"
                    + " version "
                    + escape(t.version())
                    + "</p>")
        .orElse("");
  }
}
