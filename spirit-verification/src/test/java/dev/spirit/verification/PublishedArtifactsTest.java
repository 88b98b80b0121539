package dev.spirit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user of the published artifacts relies on: a BOM that names every published module, POM
 * metadata a repository manager accepts, a licence, a changelog and reproducible archives. Reads
 * the reactor's POM files as they are in the checkout.
 */
@DisplayName("Spirit's published artifacts")
class PublishedArtifactsTest {
  private static Path root;
  private static Document parent;

  @BeforeAll
  static void findReactorRoot() throws Exception {
    root = Path.of("").toAbsolutePath().getParent();
    parent = parse(root.resolve("pom.xml"));
    assertThat(childText(parent.getDocumentElement(), "artifactId")).contains("spirit-parent");
  }

  @Test
  @DisplayName("the BOM pins exactly the published modules, at the reactor's version")
  void bomListsEveryPublishedModule() throws Exception {
    Document bom = parse(root.resolve("spirit-bom/pom.xml"));
    Element bomRoot = bom.getDocumentElement();
    assertThat(childText(bomRoot, "version"))
        .isEqualTo(childText(parent.getDocumentElement(), "version"));
    assertThat(child(bomRoot, "parent"))
        .as("the BOM has no parent, so it pins nothing else")
        .isEmpty();

    List<String> pinned = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      assertThat(childText(dep, "groupId")).contains("dev.spirit");
      assertThat(childText(dep, "version")).contains("${project.version}");
      pinned.add(childText(dep, "artifactId").orElseThrow());
    }
    assertThat(pinned).containsExactlyInAnyOrderElementsOf(publishedJarModules());
  }

  @Test
  @DisplayName("the parent POM carries the metadata a public repository requires")
  void parentHasRepositoryMetadata() {
    Element project = parent.getDocumentElement();
    assertThat(childText(project, "name")).isPresent();
    assertThat(childText(project, "description")).isPresent();
    assertThat(childText(project, "url"))
        .hasValueSatisfying(u -> assertThat(u).startsWith("https://"));
    Element license = child(child(project, "licenses").orElseThrow(), "license").orElseThrow();
    assertThat(childText(license, "name")).contains("Apache-2.0");
    Element scm = child(project, "scm").orElseThrow();
    assertThat(childText(scm, "connection"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("scm:git:"));
    assertThat(child(child(project, "developers").orElseThrow(), "developer")).isPresent();
  }

  @Test
  @DisplayName("archives are reproducible: a fixed output timestamp is set")
  void outputTimestampIsFixed() {
    Element properties = child(parent.getDocumentElement(), "properties").orElseThrow();
    assertThat(childText(properties, "project.build.outputTimestamp"))
        .hasValueSatisfying(
            t -> assertThat(t).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
  }

  @Test
  @DisplayName("the checkout has the Apache-2.0 licence text and a changelog")
  void licenceAndChangelogExist() throws IOException {
    String licence = Files.readString(root.resolve("LICENSE"), StandardCharsets.UTF_8);
    assertThat(licence).contains("Apache License").contains("Version 2.0, January 2004");
    String changelog = Files.readString(root.resolve("CHANGELOG.md"), StandardCharsets.UTF_8);
    assertThat(changelog).contains("## [Unreleased]");
  }

  /** Jar modules of the reactor that are deployed (those that do not set maven.deploy.skip). */
  private static List<String> publishedJarModules() throws Exception {
    List<String> published = new ArrayList<>();
    Element modules = child(parent.getDocumentElement(), "modules").orElseThrow();
    NodeList names = modules.getElementsByTagName("module");
    for (int i = 0; i < names.getLength(); i++) {
      String module = names.item(i).getTextContent().trim();
      Element pom = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
      boolean isPom = childText(pom, "packaging").map("pom"::equals).orElse(false);
      boolean skipped =
          child(pom, "properties")
              .flatMap(p -> childText(p, "maven.deploy.skip"))
              .map("true"::equals)
              .orElse(false);
      if (!isPom && !skipped) {
        published.add(childText(pom, "artifactId").orElseThrow());
      }
    }
    assertThat(published).as("published modules").isNotEmpty();
    return published;
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static Optional<Element> child(Element parentElement, String name) {
    for (Node n = parentElement.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> childText(Element parentElement, String name) {
    return child(parentElement, name).map(e -> e.getTextContent().trim());
  }
}
