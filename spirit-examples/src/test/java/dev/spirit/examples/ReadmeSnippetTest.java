package dev.spirit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Embed it" snippet is a whole Java file: this test cuts it out of README.md as it
 * is, compiles it with the JDK's compiler against this module's class path (Spirit's published
 * modules), and runs it. A renamed class, a missing import or a changed method breaks the build.
 */
class ReadmeSnippetTest {

  @Test
  @DisplayName("the README's embed snippet, imports and all, compiles and stores the submission")
  void readmeSnippetCompilesAndRuns(@TempDir Path work) throws Exception {
    String snippet = embedSnippet(readme());
    assertThat(snippet).startsWith("import dev.spirit.Spirit;").contains("public class Quickstart");
    Path source = work.resolve("Quickstart.java");
    Files.writeString(source, snippet, StandardCharsets.UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    work.toString(),
                    "-encoding",
                    "UTF-8",
                    "-Xlint:all",
                    "-Werror"),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(source.toFile()))
            .call();
    assertThat(compiled).as("javac said:%n%s", diagnostics).isTrue();

    String printed = runMain(work);
    assertThat(printed).matches("accepted [0-9a-f-]{36} as PENDING\\R");
  }

  private static String runMain(Path classes) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeSnippetTest.class.getClassLoader())) {
      Method main = loader.loadClass("Quickstart").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String embedSnippet(String readme) {
    int section = readme.indexOf("## Embed it");
    assertThat(section).as("README has an 'Embed it' section").isNotNegative();
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  private static String readme() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (!Files.exists(root.resolve("README.md"))
        || !Files.exists(root.resolve("spirit-core" + File.separator + "pom.xml"))) {
      root = root.getParent();
      assertThat(root).as("project root above user.dir").isNotNull();
    }
    return Files.readString(root.resolve("README.md"));
  }
}
