package dev.spirit.moderation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How Han characters are written as their components (拆字: {@code 赌 → 贝者}, {@code 枪 → 木仓}),
 * from the 汉语拆字字典 of kaifangcidian.com (CC BY 3.0, vendored under {@code ids/} with its
 * licence and source). Only decompositions into two or three components that are themselves
 * ordinary Han characters are kept: those are what people type to split a character.
 */
public final class Decompositions {
  private static final String RESOURCE = "ids/chaizi-jt.txt";

  private static final class Table {
    static final Map<Character, List<String>> SPLITS = load();
  }

  private Decompositions() {}

  /**
   * The ways a character is written split.
   *
   * @param c a simplified Han character
   * @return its component spellings, e.g. {@code [贝者]} for 赌; empty if it has none
   */
  public static List<String> of(char c) {
    return Table.SPLITS.getOrDefault(c, List.of());
  }

  private static Map<Character, List<String>> load() {
    Map<Character, List<String>> map = new HashMap<>();
    try (InputStream in = Decompositions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " missing from the spirit-core jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cols = line.split("\t");
        if (cols.length < 2 || cols[0].length() != 1) {
          continue;
        }
        List<String> splits = new ArrayList<>();
        for (int i = 1; i < cols.length; i++) {
          String joined = cols[i].replace(" ", "");
          if (joined.length() >= 2 && joined.length() <= 3 && allHan(joined)) {
            if (!splits.contains(joined)) {
              splits.add(joined);
            }
          }
        }
        if (!splits.isEmpty()) {
          map.put(cols[0].charAt(0), List.copyOf(splits));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return map;
  }

  private static boolean allHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (TextFolder.kind(s.charAt(i)) != TextFolder.HAN) {
        return false;
      }
    }
    return true;
  }
}
