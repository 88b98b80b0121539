package dev.spirit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code spirit audit export} and {@code spirit audit verify}, each a separate invocation. */
@DisplayName("spirit audit export and verify")
class AuditCliTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run spirit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl =
        SpiritCli.commandLine(
            new CliContext(SpiritOpener.standard(), new ByteArrayInputStream(new byte[0]), false));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  private String storeUri(String backend) {
    return backend.equals("file")
        ? "file:" + dir.resolve("store")
        : "jdbc:h2:file:" + dir.resolve("spirit-h2");
  }

  /** A campaign with two submissions (audited by automatic moderation) and one erasure. */
  private void plant(String store) {
    Run created =
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
    for (String[] s :
        List.of(
            new String[] {"解放碑的夜景", "secret-person-1"},
            new String[] {"山城步道很美", "other-person-2"})) {
      Run submitted =
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
    Run erased = spirit("erase-participant", "secret-person-1", "--yes", "--store", store);
    assertThat(erased.exit()).as(erased.err()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"file", "h2"})
  @DisplayName(
      "export --out writes JSON lines with the decisions and the erasure but not the erased text"
          + " or participant; verify exits 0 and names the head the export ended with")
  void exportAndVerify(String backend) throws Exception {
    String store = storeUri(backend);
    plant(store);
    Path out = dir.resolve("audit.jsonl");
    Run exported =
        spirit("audit", "export", "--store", store, "--campaign", "yz", "--out", out.toString());
    assertThat(exported.exit()).as(exported.err()).isZero();
    assertThat(exported.out()).contains("exported 3 audit entries of campaign yz");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("解放碑").doesNotContain("secret-person-1");
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines)
        .filteredOn(l -> l.get("type").asText().equals("status"))
        .extracting(l -> l.get("actor").asText())
        .containsExactly("system:moderation", "system:moderation", "system:erasure");
    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.get("type").asText()).isEqualTo("chain");
    assertThat(last.get("intact").asBoolean()).isTrue();
    String head = last.get("head").asText();

    Run verified = spirit("audit", "verify", "--store", store, "--campaign", "yz", "--head", head);
    assertThat(verified.exit()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("intact: 3 entries").contains(head);
  }

  @Test
  @DisplayName("verify --head with a hash the chain does not hold exits 1 and says why")
  void unknownHead() {
    String store = storeUri("file");
    plant(store);
    Run verified =
        spirit("audit", "verify", "--store", store, "--campaign", "yz", "--head", "ab".repeat(32));
    assertThat(verified.exit()).isEqualTo(1);
    assertThat(verified.err()).contains("does not contain the head");
  }

  @Test
  @DisplayName(
      "after a row of the audit table is edited by SQL, verify exits 1 naming the sequence and"
          + " 'edited'; after one is deleted, 'removed'")
  void tamperedRowsFound() throws Exception {
    String store = storeUri("h2");
    plant(store);
    String url = store + ";USER=sa";
    try (Connection c = DriverManager.getConnection(url)) {
      String json;
      try (PreparedStatement ps =
              c.prepareStatement("SELECT record_json FROM spirit_audit WHERE chain_seq = 2");
          ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        json = rs.getString(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE spirit_audit SET record_json = ? WHERE chain_seq = 2")) {
        ps.setString(1, json.replace("\"to\":\"APPROVED\"", "\"to\":\"REJECTED\""));
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    Run edited = spirit("audit", "verify", "--store", store, "--campaign", "yz");
    assertThat(edited.exit()).isEqualTo(1);
    assertThat(edited.err()).contains("sequence 2 edited");

    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM spirit_audit WHERE chain_seq <= 2")) {
      assertThat(ps.executeUpdate()).isEqualTo(2);
    }
    Run removed = spirit("audit", "verify", "--store", store, "--campaign", "yz");
    assertThat(removed.exit()).isEqualTo(1);
    assertThat(removed.err()).contains("sequence 1 removed");
  }
}
