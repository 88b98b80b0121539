package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI as a district runs it: every command a separate invocation that opens the store, works
 * and closes it again, so what one command stored must be there for the next.
 */
@DisplayName("The spirit CLI on durable stores")
class CliOnDurableStoresTest {
  @TempDir Path dir;

  private final CliHarness cli = CliHarness.standard();

  private CliHarness.Result spirit(String... args) {
    return cli.run(args);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"file", "h2"})
  @DisplayName("a campaign created, fed and counted in separate invocations keeps everything")
  void separateInvocations(String backend) throws Exception {
    String store =
        backend.equals("file")
            ? "file:" + dir.resolve("store")
            : "jdbc:h2:file:" + dir.resolve("spirit-h2");
    CliHarness.Result created =
        spirit(
            "campaign",
            "create",
            "yz",
            "--store",
            store,
            "--create",
            "--title-zh",
            "渝中精神",
            "--title-en",
            "Spirit of Yuzhong",
            "--district",
            "yuzhong",
            "--moderation",
            "post",
            "--open");
    assertThat(created.exit()).as(created.err()).isZero();
    for (String word : List.of("耿直", "热情", "耿直")) {
      CliHarness.Result submitted =
          spirit(
              "submit",
              "--store",
              store,
              "--campaign",
              "yz",
              "--text",
              word,
              "--district",
              "yuzhong",
              "--participant",
              "p-" + word.hashCode() + "-" + System.nanoTime());
      assertThat(submitted.exit()).as(submitted.err()).isZero();
    }
    CliHarness.Result stats = spirit("stats", "--store", store, "--campaign", "yz", "--json");
    assertThat(stats.exit()).as(stats.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(stats.out());
    assertThat(root.get("total").asLong()).isEqualTo(3);
    assertThat(root.get("byStatus").get("approved").asLong()).isEqualTo(3);
    assertThat(root.get("topTerms").get(0).get("term").asText()).isEqualTo("耿直");
  }

  @Test
  @DisplayName(
      "erase-participant --yes and purge on the file store leave the text and the participant id"
          + " in no file of the store")
  void eraseAndPurgeLeaveNoBytes() throws Exception {
    Path storeDir = dir.resolve("store");
    String store = "file:" + storeDir;
    CliHarness.Result created =
        spirit(
            "campaign",
            "create",
            "yz",
            "--store",
            store,
            "--create",
            "--title-zh",
            "渝中精神",
            "--title-en",
            "Spirit of Yuzhong",
            "--district",
            "yuzhong",
            "--moderation",
            "post",
            "--retention",
            "30d",
            "--open");
    assertThat(created.exit()).as(created.err()).isZero();
    for (String[] s :
        List.of(
            new String[] {"我家住在较场口七号", "secret-person-1"},
            new String[] {"山城步道很美", "other-person-2"})) {
      CliHarness.Result submitted =
          spirit(
              "submit",
              "--store",
              store,
              "--campaign",
              "yz",
              "--text",
              s[0],
              "--district",
              "yuzhong",
              "--participant",
              s[1]);
      assertThat(submitted.exit()).as(submitted.err()).isZero();
    }
    assertThat(filesContain(storeDir, "我家住在较场口七号")).isTrue();
    assertThat(filesContain(storeDir, "secret-person-1")).isTrue();

    CliHarness.Result erased =
        spirit("erase-participant", "secret-person-1", "--yes", "--store", store);
    assertThat(erased.exit()).as(erased.err()).isZero();
    assertThat(filesContain(storeDir, "我家住在较场口七号")).isFalse();
    assertThat(filesContain(storeDir, "secret-person-1")).isFalse();
    assertThat(filesContain(storeDir, "山城步道很美")).isTrue();

    assertThat(spirit("campaign", "close", "yz", "--store", store).exit()).isZero();
    CliHarness.Result purged = spirit("purge", "--store", store, "--as-of", "2999-01-01T00:00:00Z");
    assertThat(purged.exit()).as(purged.err()).isZero();
    assertThat(purged.out()).contains("erased 1 submissions of campaign yz");
    assertThat(filesContain(storeDir, "山城步道很美")).isFalse();
    assertThat(filesContain(storeDir, "other-person-2")).isFalse();
  }

  private static boolean filesContain(Path storeDir, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(storeDir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        if (content.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
          return true;
        }
      }
    }
    return false;
  }
}
