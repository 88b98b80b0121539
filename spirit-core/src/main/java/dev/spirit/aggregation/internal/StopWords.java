package dev.spirit.aggregation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The built-in stop-word lists, shipped as resources next to the aggregation package. */
public final class StopWords {
  private static final Set<String> ENGLISH = load("stopwords-en.txt");
  private static final Set<String> CHINESE = load("stopwords-zh.txt");

  private StopWords() {}

  /**
   * English stop words, lowercase.
   *
   * @return an immutable set
   */
  public static Set<String> english() {
    return ENGLISH;
  }

  /**
   * Chinese stop words, simplified.
   *
   * @return an immutable set
   */
  public static Set<String> chinese() {
    return CHINESE;
  }

  private static Set<String> load(String name) {
    String path = "/dev/spirit/aggregation/" + name;
    try (InputStream in = StopWords.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("stop-word list " + path + " is missing from the jar");
      }
      Set<String> words = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stop-word list " + path, e);
    }
  }
}
