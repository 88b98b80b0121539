package dev.spirit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.Wiring;
import dev.spirit.examples.report.ReportData;
import dev.spirit.examples.report.ReportData.ShortlistEntry;
import dev.spirit.examples.report.ReportData.TermCount;
import dev.spirit.examples.report.TerminalSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spirit stats}: a campaign's figures as tables or JSON. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show a campaign's figures: status, district, channel, role, top words.")
final class StatsCommand extends CampaignCommand {
  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Option(
      paramLabel = "N",
      names = "--top",
      defaultValue = "10",
      description = "How many top words (default: ${DEFAULT-VALUE}).")
  int top;

  StatsCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Spirit spirit) throws Exception {
    Campaign c = campaign(spirit);
    ReportData data = Wiring.reportData(spirit, c);
    if (json) {
      out().println(new ObjectMapper().writeValueAsString(toJson(data, top)));
      return 0;
    }
    PrintWriter out = out();
    out.println(
        c.title().zh() + " · " + c.title().en() + " (" + c.slug() + ", " + lower(c.state()) + ")");
    out.println("submissions: " + data.total());
    table(out, "status", data.byStatus(), StatsCommand::lower, data.total());
    table(out, "district", data.byDistrict(), d -> d.code(), data.total());
    table(out, "channel", data.byChannel(), ch -> ch.key(), data.total());
    table(out, "role", data.byRole(), StatsCommand::lower, data.total());
    out.println();
    out.println(TerminalSummary.pad("TOP WORD", 24) + String.format("%8s", "GIVEN"));
    for (TermCount t : data.topTerms(top)) {
      out.println(TerminalSummary.pad(t.term(), 24) + String.format("%8d", t.count()));
    }
    return 0;
  }

  private static <K> void table(
      PrintWriter out, String title, Map<K, Long> counts, Function<K, String> name, long total) {
    out.println();
    out.println(
        TerminalSummary.pad(title.toUpperCase(Locale.ROOT), 24)
            + String.format("%8s %6s", "COUNT", "SHARE"));
    counts.forEach(
        (k, n) ->
            out.println(
                TerminalSummary.pad(name.apply(k), 24)
                    + String.format("%8d %5.1f%%", n, total == 0 ? 0.0 : 100.0 * n / total)));
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static ObjectNode toJson(ReportData data, int top) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("campaign", data.campaign().slug());
    root.put("state", lower(data.campaign().state()));
    root.put("total", data.total());
    ObjectNode status = root.putObject("byStatus");
    data.byStatus().forEach((k, v) -> status.put(lower(k), v));
    ObjectNode district = root.putObject("byDistrict");
    data.byDistrict().forEach((k, v) -> district.put(k.code(), v));
    ObjectNode channel = root.putObject("byChannel");
    data.byChannel().forEach((k, v) -> channel.put(k.key(), v));
    ObjectNode role = root.putObject("byRole");
    data.byRole().forEach((k, v) -> role.put(lower(k), v));
    ObjectNode daily = root.putObject("daily");
    data.daily().forEach((k, v) -> daily.put(k.toString(), v));
    ObjectNode reasons = root.putObject("moderationReasons");
    data.moderationReasons().forEach(reasons::put);
    ArrayNode terms = root.putArray("topTerms");
    for (TermCount t : data.topTerms(top)) {
      terms.addObject().put("term", t.term()).put("count", t.count());
    }
    ObjectNode byDistrict = root.putObject("topTermsByDistrict");
    data.topTermsByDistrict(Math.min(top, 5))
        .forEach(
            (d, list) -> {
              ArrayNode a = byDistrict.putArray(d.code());
              list.forEach(t -> a.addObject().put("term", t.term()).put("count", t.count()));
            });
    ArrayNode shortlist = root.putArray("shortlist");
    List<ShortlistEntry> entries = data.shortlist(top);
    for (ShortlistEntry e : entries) {
      ObjectNode o = shortlist.addObject();
      o.put("text", e.text()).put("kind", e.kind().key()).put("participants", e.participants());
      ArrayNode ds = o.putArray("districts");
      e.districts().stream().sorted().forEach(d -> ds.add(d.code()));
    }
    return root;
  }
}
