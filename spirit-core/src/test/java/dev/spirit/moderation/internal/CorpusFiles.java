package dev.spirit.moderation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared moderation corpus in place, finding {@code shared/} above the working dir. */
public final class CorpusFiles {
  private CorpusFiles() {}

  /** The {@code shared/moderation} directory. */
  public static Path dir() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("moderation");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/moderation directory above " + dir);
  }

  /** A file's content. */
  public static String read(String name) {
    try {
      return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a TSV file without its header, with backslash escapes resolved. */
  public static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    String[] lines = read(name).split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] cols = lines[i].split("\t", -1);
      for (int c = 0; c < cols.length; c++) {
        cols[c] = unescape(cols[c]);
      }
      rows.add(cols);
    }
    return rows;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
