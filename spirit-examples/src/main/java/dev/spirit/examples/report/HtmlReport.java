package dev.spirit.examples.report;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.District;
import dev.spirit.examples.report.ReportData.ShortlistEntry;
import dev.spirit.examples.report.ReportData.TermCount;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@link ReportData} as one self-contained HTML file: inline CSS, inline SVG charts, no
 * scripts, no external resources, so it can be mailed or archived and opens anywhere.
 */
public final class HtmlReport {
  private static final String CSS =
      """
      :root{--red:#b3261e;--ink:#1f2933;--muted:#61707f;--line:#e4e7eb;--bg:#f7f5f2}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);
        font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;line-height:1.5}
      header{background:linear-gradient(120deg,#8f1d17,#c2410c);color:#fff;padding:28px 40px}
      header h1{margin:0;font-size:30px;letter-spacing:.02em}
      header p{margin:6px 0 0;opacity:.9}
      main{max-width:1180px;margin:0 auto;padding:24px 24px 48px}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:14px;margin-bottom:22px}
      .card{background:#fff;border-radius:12px;padding:14px 18px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
      .card b{display:block;font-size:26px;color:var(--red)}
      .card span{color:var(--muted);font-size:13px}
      section{background:#fff;border-radius:12px;padding:18px 22px;margin-bottom:20px;
        box-shadow:0 1px 3px rgba(0,0,0,.08)}
      h2{margin:0 0 12px;font-size:19px}
      h3{margin:0 0 6px;font-size:15px;color:var(--muted)}
      .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:20px}
      .clouds{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:16px}
      .clouds figure{margin:0;border:1px solid var(--line);border-radius:10px;padding:8px 10px}
      svg text{font-family:inherit}
      svg .lbl{font-size:13px;fill:var(--ink)} svg .val{font-size:12px;fill:var(--muted)}
      svg .tick{font-size:11px;fill:var(--muted)} svg .grid{stroke:var(--line)}
      svg .area{fill:rgba(179,38,30,.15)} svg .line{fill:none;stroke:var(--red);stroke-width:2}
      svg.cloud{width:100%;height:auto;display:block}
      table{border-collapse:collapse;width:100%;font-size:14px}
      th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line)}
      th{color:var(--muted);font-weight:600} td.n{text-align:right;font-variant-numeric:tabular-nums}
      .tag{display:inline-block;background:#fbe9e7;color:#8f1d17;border-radius:10px;padding:0 8px;margin:1px;font-size:12px}
      footer{color:var(--muted);font-size:12px;text-align:center;margin-top:20px}
      """;

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param data the figures
   * @param generatedAt the day shown as the report date
   * @return the complete HTML document
   */
  public static String render(ReportData data, LocalDate generatedAt) {
    Campaign c = data.campaign();
    Map<SubmissionStatus, Long> status = data.byStatus();
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(c.title().zh() + " · " + c.title().en()))
        .append(" — report</title><style>")
        .append(CSS)
        .append("</style></head><body><header><h1>")
        .append(Html.escape(c.title().zh()))
        .append(" · ")
        .append(Html.escape(c.title().en()))
        .append("</h1><p>")
        .append(Html.escape(c.prompt().zh()))
        .append(" — ")
        .append(Html.escape(c.prompt().en()))
        .append("</p></header><main>");

    out.append("<div class=\"cards\">");
    card(out, Long.toString(data.total()), "收到 submissions");
    card(out, Long.toString(status.getOrDefault(SubmissionStatus.APPROVED, 0L)), "已通过 approved");
    card(out, Long.toString(status.getOrDefault(SubmissionStatus.PENDING, 0L)), "待审 pending");
    card(out, Long.toString(status.getOrDefault(SubmissionStatus.REJECTED, 0L)), "未通过 rejected");
    card(out, Integer.toString(c.districts().size()), "区县 districts");
    card(out, Integer.toString(data.daily().size()), "天 days");
    out.append("</div>");

    out.append("<section><h2>每日投稿 · Submissions per day</h2>")
        .append(Charts.timeSeries(data.daily(), 1100, 240, "submissions per day"))
        .append("</section>");

    out.append("<div class=\"grid2\"><section><h2>区县 · By district</h2>")
        .append(
            Charts.bars(
                relabel(data.byDistrict(), Labels::district), 540, "#b3261e", "by district"))
        .append("</section><section><h2>渠道 · By channel</h2>")
        .append(
            Charts.bars(relabel(data.byChannel(), Labels::channel), 540, "#d9480f", "by channel"))
        .append("</section><section><h2>参与者 · Who took part</h2>")
        .append(Charts.bars(relabel(data.byRole(), Labels::role), 540, "#1d3557", "by role"))
        .append("</section><section><h2>审核结果 · Moderation outcome</h2>")
        .append(Charts.bars(relabel(status, Labels::status), 540, "#2a9d8f", "by status"));
    if (!data.moderationReasons().isEmpty()) {
      out.append("<h3>原因 · Reasons</h3><table><tr><th>code</th><th>count</th></tr>");
      data.moderationReasons()
          .forEach(
              (code, n) ->
                  out.append("<tr><td>")
                      .append(Html.escape(code))
                      .append("</td><td class=\"n\">")
                      .append(n)
                      .append("</td></tr>"));
      out.append("</table>");
    }
    out.append("</section></div>");

    out.append("<section><h2>全市词云 · The whole city</h2>")
        .append(
            WordCloud.svg(
                WordCloud.layout(data.topTerms(60), 1100, 320), 1100, 320, "word cloud, all"))
        .append("</section>");

    out.append("<section><h2>各区词云 · Word clouds by district</h2><div class=\"clouds\">");
    for (Map.Entry<District, List<TermCount>> e : data.topTermsByDistrict(30).entrySet()) {
      String name = Labels.district(e.getKey());
      out.append("<figure><h3>")
          .append(Html.escape(name))
          .append("</h3>")
          .append(WordCloud.svg(WordCloud.layout(e.getValue(), 360, 220), 360, 220, name))
          .append("</figure>");
    }
    out.append("</div></section>");

    out.append("<section><h2>候选名单 · Shortlist</h2><table><tr><th>#</th><th>词语 / 口号</th>")
        .append("<th>kind</th><th>participants</th><th>districts</th></tr>");
    int rank = 1;
    for (ShortlistEntry e : data.shortlist(15)) {
      out.append("<tr><td>")
          .append(rank++)
          .append("</td><td><b>")
          .append(Html.escape(e.text()))
          .append("</b></td><td>")
          .append(e.kind().key())
          .append("</td><td class=\"n\">")
          .append(e.participants())
          .append("</td><td>")
          .append(
              e.districts().stream()
                  .sorted()
                  .map(d -> "<span class=\"tag\">" + Html.escape(Labels.district(d)) + "</span>")
                  .collect(Collectors.joining()))
          .append("</td></tr>");
    }
    out.append("</table></section>");
    out.append("<footer>Spirit · campaign ")
        .append(Html.escape(c.slug()))
        .append(" · generated ")
        .append(generatedAt)
        .append("</footer></main></body></html>\n");
    return out.toString();
  }

  private static void card(StringBuilder out, String value, String label) {
    out.append("<div class=\"card\"><b>")
        .append(Html.escape(value))
        .append("</b><span>")
        .append(Html.escape(label))
        .append("</span></div>");
  }

  private static <K> Map<String, Long> relabel(
      Map<K, Long> values, java.util.function.Function<K, String> label) {
    Map<String, Long> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(label.apply(k), v));
    return out;
  }
}
