package dev.spirit.examples.report;

/** Escaping for HTML text, attribute values and SVG text: every user text goes through here. */
public final class Html {
  private Html() {}

  /**
   * Escapes text for use in HTML or SVG element content and quoted attribute values.
   *
   * @param text any text
   * @return the text with {@code & < > " '} replaced by character references
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
