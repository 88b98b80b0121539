package dev.spirit.io;

import dev.spirit.MutableClock;
import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.PersonalDataRule;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spirit on the in-memory store, a post-moderated campaign in two districts, and file helpers. */
final class IoFixture implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T02:00:00Z"));
  final Spirit spirit;
  final Campaign campaign;

  IoFixture() {
    spirit =
        Spirit.builder()
            .storeUri("mem:")
            .clock(clock)
            .moderator(
                ModerationPipeline.of(
                    new LexiconRule(TermLexicon.builder().review("scam", "fraud").build()),
                    new PersonalDataRule()))
            .build();
    Campaign draft =
        Campaign.builder("spirit-of-yuzhong")
            .title("渝中精神", "Spirit of Yuzhong")
            .prompt("用一个词形容渝中", "Describe Yuzhong in one word")
            .districts("yuzhong", "jiangbei")
            .allChannels()
            .createdAt(clock.instant())
            .rules(
                SubmissionRules.builder()
                    .moderationMode(ModerationMode.POST)
                    .maxPerParticipant(1000)
                    .build())
            .build();
    spirit.campaigns().create(draft);
    campaign = spirit.campaigns().open(draft.id());
  }

  Importer.Builder importer() {
    return Importer.builder(spirit, campaign.id());
  }

  List<Submission> stored() {
    try (Stream<Submission> s =
        spirit.submissions().stream(SubmissionFilter.builder(campaign.id()).build())) {
      return s.toList();
    }
  }

  static ImportSource source(Path file) {
    return ImportSource.of(String.valueOf(file.getFileName()), () -> Files.newInputStream(file));
  }

  /** Writes rows (the first being the header) in a format, as a district's staff would have. */
  static Path write(Path dir, String name, DataFormat format, List<List<String>> rows)
      throws IOException {
    Path file = dir.resolve(name);
    switch (format) {
      case CSV -> {
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
          b.append(String.join(",", row.stream().map(IoFixture::quote).toList())).append("\r\n");
        }
        Files.writeString(file, b);
      }
      case JSON_LINES -> {
        StringBuilder b = new StringBuilder();
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
          b.append('{');
          for (int i = 0; i < header.size(); i++) {
            b.append(i == 0 ? "" : ",")
                .append('"')
                .append(header.get(i))
                .append("\":\"")
                .append(row.get(i).replace("\"", "\\\"").replace("\n", "\\n"))
                .append('"');
          }
          b.append("}\n");
        }
        Files.writeString(file, b);
      }
      case XLSX -> {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
          XSSFSheet sheet = wb.createSheet("cards");
          for (int r = 0; r < rows.size(); r++) {
            XSSFRow row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
              row.createCell(c).setCellValue(rows.get(r).get(c));
            }
          }
          try (var out = Files.newOutputStream(file)) {
            wb.write(out);
          }
        }
      }
    }
    return file;
  }

  private static String quote(String v) {
    return v.contains(",") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }

  @Override
  public void close() {
    spirit.close();
  }
}
