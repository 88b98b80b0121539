package dev.spirit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The documents a user reads stay reachable and short: every Markdown file under {@code docs/} that
 * code, POMs or READMEs cite exists, every relative Markdown link resolves (to a file, and to an
 * anchor in the same document), and the two user documents keep to the length the project promised.
 * Documents get moved (the benchmark notebook went to {@code docs/notes/}); a citation left behind
 * in a javadoc comment is exactly what no compiler notices.
 */
@DisplayName("Spirit's documentation")
class DocumentationLinksTest {
  private static final Pattern DOC_CITATION = Pattern.compile("docs/[A-Za-z0-9_./-]+?\\.md");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"");
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".git", "target", "node_modules", "spirit-data");

  private static Path root;

  @BeforeAll
  static void findReactorRoot() {
    root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("docs")).isDirectory();
  }

  @Test
  @DisplayName("every document under docs/ cited in sources, POMs and READMEs exists")
  void citedDocumentsExist() {
    List<String> missing = new ArrayList<>();
    for (Path file :
        files(name -> name.endsWith(".java") || name.endsWith(".md") || name.equals("pom.xml"))) {
      // The notes are history: they may name a document by the path it had then.
      if (root.relativize(file).startsWith(Path.of("docs", "notes"))) {
        continue;
      }
      Matcher m = DOC_CITATION.matcher(read(file));
      while (m.find()) {
        if (!Files.isRegularFile(root.resolve(m.group()))) {
          missing.add(root.relativize(file) + " cites " + m.group());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  @DisplayName("every relative Markdown link resolves, anchors in the same document included")
  void markdownLinksResolve() {
    List<String> broken = new ArrayList<>();
    for (Path file : files(name -> name.endsWith(".md"))) {
      String text = read(file);
      Set<String> anchors = anchorsOf(text);
      Matcher m = MARKDOWN_LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.contains("://") || target.startsWith("mailto:")) {
          continue;
        }
        if (target.startsWith("#")) {
          if (!anchors.contains(target.substring(1))) {
            broken.add(root.relativize(file) + " links to missing anchor " + target);
          }
          continue;
        }
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        if (!Files.exists(file.getParent().resolve(path).normalize())) {
          broken.add(root.relativize(file) + " links to missing " + target);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  @DisplayName("performance.md stays within 150 lines and architecture.md within 120")
  void userDocumentsStayShort() throws IOException {
    assertThat(Files.readAllLines(root.resolve("docs/performance.md")))
        .hasSizeLessThanOrEqualTo(150);
    assertThat(Files.readAllLines(root.resolve("docs/architecture.md")))
        .hasSizeLessThanOrEqualTo(120);
  }

  @Test
  @DisplayName("the citation pattern and the anchor reader find what they should, and nothing more")
  void linkPatternsFindWhatTheyShould() {
    assertThat(
            DOC_CITATION
                .matcher("see {@code " + "docs" + "/notes/a-b.md}).")
                .results()
                .map(r -> r.group()))
        .containsExactly("docs" + "/notes/a-b.md");
    assertThat(anchorsOf("## Where each rule lives\n<a id=\"f1\"></a>"))
        .contains("where-each-rule-lives", "f1")
        .doesNotContain("f2");
  }

  /** GitHub's anchors: explicit {@code <a id>}s and each heading's slug. */
  private static Set<String> anchorsOf(String markdown) {
    Set<String> anchors = new HashSet<>();
    Matcher m = HTML_ANCHOR.matcher(markdown);
    while (m.find()) {
      anchors.add(m.group(1));
    }
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static List<Path> files(Predicate<String> wanted) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> wanted.test(p.getFileName().toString()))
          .filter(p -> !skipped(root.relativize(p)))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
