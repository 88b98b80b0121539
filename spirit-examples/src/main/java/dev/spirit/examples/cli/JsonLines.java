package dev.spirit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The {@code --json} output of the listing commands: one compact JSON object per line. */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  static String write(Object row) throws IOException {
    return JSON.writeValueAsString(row);
  }
}
