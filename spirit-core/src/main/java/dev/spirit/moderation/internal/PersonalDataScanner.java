package dev.spirit.moderation.internal;

import dev.spirit.campaign.PersonalDataType;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text, in this order (a later finding overlapping an earlier one is
 * dropped):
 *
 * <ol>
 *   <li>e-mail addresses, also written with a full-width {@code ＠}, full-width letters or digits,
 *       or full-width or ideographic dots ({@code ．。});
 *   <li>digit groups: digits in any width, or the Chinese digits {@code 零〇一二三四五六七八九幺两}, joined by
 *       at most two separators (space, {@code - . · ( )}), e.g. {@code +86 138-1234-5678}, {@code
 *       (023) 6385 1234} or {@code 一三八 一二三四 五六七八}. An 18-character group with a valid ISO 7064
 *       check character and birth date is a resident id; 16–19 digits with a valid Luhn check digit
 *       a bank card; an 18-character group with a wrong check character but a real province code
 *       and birth date a possible resident id; 11 digits {@code 1[3-9]…} (optionally after {@code
 *       86}/{@code 0086}) a mobile number; 10–12 digits starting {@code 0[1-9]} a landline. A group
 *       that is none of these as a whole is tried piece by piece, so that two numbers separated by
 *       a space are both found. Groups with Chinese digits can only be mobile numbers (counting in
 *       words is common, dictating an id in words is not);
 *   <li>QQ numbers and WeChat ids announced by a keyword ({@code QQ 扣扣 企鹅号}, {@code 微信 V信 VX wx
 *       WeChat}), see {@link Handles};
 *   <li>web addresses: with a scheme, starting {@code www.}, or a host under a common top-level
 *       domain;
 *   <li>mainland addresses down to a house, building, unit or room number, see {@link Addresses}.
 * </ol>
 *
 * <p>Every step is a single left-to-right pass whose work per character is bounded by a constant
 * (the look-arounds are capped at a few dozen characters), so a hostile text costs time linear in
 * its length; the one regular expression left (web addresses) has no nested quantifier that can
 * backtrack more than once over the same characters.
 */
public final class PersonalDataScanner {
  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)[^\\s<>\"'，。、！？）)]+"
              + "|(?<![@A-Za-z0-9.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*"
              + "\\.(?:com|cn|net|org|top|xyz|info|io|cc|me|vip|shop|club|site|online|tv)"
              + "(?![A-Za-z0-9-])(?:/[^\\s<>\"'，。、！？）)]*)?");

  /** RFC 5321 limits: 64 characters before the {@code @}, 255 after. */
  private static final int MAX_LOCAL = 64;

  private static final int MAX_DOMAIN = 255;

  /** The longest digit group classified as a whole (a 19-digit bank card). */
  private static final int MAX_NUMBER = 19;

  private static final String CHINESE_DIGITS = "零〇一二三四五六七八九幺两";
  private static final String CHINESE_DIGIT_VALUES = "0012345678912";

  private PersonalDataScanner() {}

  /**
   * One piece of personal data.
   *
   * @param type what it is
   * @param span where in the original text
   * @param possible true if it has the shape of its kind but fails the kind's check (a resident id
   *     with a wrong check character)
   */
  public record Found(PersonalDataType type, TextSpan span, boolean possible) {
    /**
     * A finding that passed its kind's checks.
     *
     * @param type what it is
     * @param span where in the original text
     */
    public Found(PersonalDataType type, TextSpan span) {
      this(type, span, false);
    }
  }

  /**
   * Scans a text.
   *
   * @param text the original text
   * @return what was found, in the order above
   */
  public static List<Found> scan(String text) {
    Sink sink = new Sink(text.length());
    // Cheap character checks first: most texts have no '@', no ASCII dot, no keyword and no
    // address suffix, and then those steps need not run at all.
    boolean at = false;
    boolean dot = false;
    boolean latin = false;
    boolean handle = false;
    boolean address = false;
    char previous = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = ascii(text.charAt(i));
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      at |= c == '@';
      dot |= text.charAt(i) == '.';
      latin |= lower >= 'a' && lower <= 'z';
      handle |=
          lower == 'q' && previous == 'q'
              || lower == 'x' && (previous == 'v' || previous == 'w')
              || lower == 'e' && previous == 'w'
              || c == '扣'
              || c == '企'
              || c == '信';
      address |= Addresses.isFineSuffixEnd(c);
      previous = lower;
    }
    if (at) {
      emails(text, sink);
    }
    digitGroups(text, sink);
    if (handle) {
      Handles.scan(text, sink);
    }
    if (dot && latin) {
      Matcher m = URL.matcher(text);
      while (m.find()) {
        sink.add(PersonalDataType.URL, m.start(), m.end(), false);
      }
    }
    if (address) {
      Addresses.scan(text, sink);
    }
    return sink.found;
  }

  /**
   * A character with full-width ASCII forms folded to ASCII and the full-width and ideographic full
   * stops folded to {@code .}; one UTF-16 unit for one, so indices stay those of the text.
   */
  static char ascii(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    return c == '。' || c == '｡' ? '.' : c;
  }

  static boolean isAsciiLetter(char a) {
    return a >= 'a' && a <= 'z' || a >= 'A' && a <= 'Z';
  }

  static boolean isAsciiDigit(char a) {
    return a >= '0' && a <= '9';
  }

  /** Collects findings, dropping one that overlaps an earlier one. */
  static final class Sink {
    final List<Found> found = new ArrayList<>(0);
    private final BitSet taken;

    Sink(int length) {
      taken = new BitSet(length);
    }

    void add(PersonalDataType type, int start, int end, boolean possible) {
      int next = taken.nextSetBit(start);
      if (next >= 0 && next < end) {
        return;
      }
      taken.set(start, end);
      found.add(new Found(type, new TextSpan(start, end), possible));
    }
  }

  private static void emails(String text, Sink sink) {
    int n = text.length();
    int searchedTo = 0;
    for (int i = 0; i < n; i++) {
      if (ascii(text.charAt(i)) != '@') {
        continue;
      }
      int start = i;
      int floor = Math.max(searchedTo, i - MAX_LOCAL);
      while (start > floor && isLocal(ascii(text.charAt(start - 1)))) {
        start--;
      }
      while (start < i && ascii(text.charAt(start)) == '.') {
        start++;
      }
      if (start == i) {
        continue;
      }
      int end = domainEnd(text, i + 1);
      if (end > 0) {
        sink.add(PersonalDataType.EMAIL, start, end, false);
        searchedTo = end;
        i = end - 1;
      }
    }
  }

  private static boolean isLocal(char a) {
    return isAsciiLetter(a)
        || isAsciiDigit(a)
        || a == '.'
        || a == '_'
        || a == '%'
        || a == '+'
        || a == '-';
  }

  /**
   * The end of the longest host name starting at {@code from}: labels of letters, digits and
   * hyphens joined by single dots, at least two labels, the last of two or more letters; or -1.
   */
  private static int domainEnd(String text, int from) {
    int n = Math.min(text.length(), from + MAX_DOMAIN);
    int end = -1;
    int labels = 0;
    int labelStart = from;
    boolean letters = true;
    for (int k = from; ; k++) {
      char a = k < n ? ascii(text.charAt(k)) : 0;
      if (isAsciiLetter(a) || isAsciiDigit(a) || a == '-') {
        letters &= isAsciiLetter(a);
        continue;
      }
      if (k == labelStart) {
        return end;
      }
      labels++;
      if (labels >= 2 && letters && k - labelStart >= 2) {
        end = k;
      }
      if (a != '.') {
        return end;
      }
      labelStart = k + 1;
      letters = true;
    }
  }

  private static void digitGroups(String text, Sink sink) {
    int n = text.length();
    char[] digits = new char[Math.min(n, 64) + 1];
    int[] starts = new int[digits.length];
    boolean[] pieceStarts = new boolean[digits.length];
    int count = 0;
    int seps = 0;
    boolean chinese = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      byte kind = i < n ? TextFolder.kind(c) : TextFolder.HARD;
      char f = TextFolder.fold(c);
      int word = CHINESE_DIGITS.indexOf(c);
      boolean digit = kind == TextFolder.DIGIT || word >= 0;
      boolean checkX = count == 17 && seps == 0 && (f == 'x') && kind == TextFolder.LATIN;
      if (digit || checkX) {
        if (count == digits.length) {
          // Too long to be a number we look for: skip the rest of the group.
          count = Integer.MIN_VALUE / 2;
        }
        if (count >= 0) {
          digits[count] = checkX ? 'X' : word >= 0 ? CHINESE_DIGIT_VALUES.charAt(word) : f;
          starts[count] = i;
          pieceStarts[count] = count == 0 || seps > 0;
        }
        chinese |= word >= 0;
        count++;
        seps = 0;
        continue;
      }
      boolean joiner =
          kind == TextFolder.DROP
              || kind == TextFolder.SPACE && c != '\n'
              || c == '-'
              || c == '.'
              || c == '·'
              || c == '('
              || c == ')'
              || c == '－'
              || c == '（'
              || c == '）'
              || c == '—';
      if (joiner && count != 0 && seps < 2) {
        if (kind != TextFolder.DROP) {
          seps++;
        }
        continue;
      }
      if (joiner && count == 0) {
        continue;
      }
      if (count > 0) {
        group(digits, starts, pieceStarts, count, chinese, sink);
      }
      count = 0;
      seps = 0;
      chinese = false;
    }
  }

  /**
   * Classifies a group as a whole, or else its runs of separator-delimited pieces, longest first
   * from the left; a run is at most {@link #MAX_NUMBER} digits long, so the work is linear.
   */
  private static void group(
      char[] digits, int[] starts, boolean[] pieceStarts, int count, boolean chinese, Sink sink) {
    if (classify(digits, starts, 0, count, chinese, sink)) {
      return;
    }
    int from = 0;
    while (from < count) {
      int last = from;
      for (int k = from + 1; k <= count && k - from <= MAX_NUMBER; k++) {
        if (k == count || pieceStarts[k]) {
          last = k;
        }
      }
      boolean classified = false;
      for (int k = last; k > from && !classified; k--) {
        boolean boundary = k == count || pieceStarts[k];
        boolean whole = from == 0 && k == count;
        if (boundary && !whole && classify(digits, starts, from, k, chinese, sink)) {
          from = k;
          classified = true;
        }
      }
      if (!classified) {
        from = nextPiece(pieceStarts, from, count);
      }
    }
  }

  private static int nextPiece(boolean[] pieceStarts, int from, int count) {
    int k = from + 1;
    while (k < count && !pieceStarts[k]) {
      k++;
    }
    return k;
  }

  private static boolean classify(
      char[] digits, int[] starts, int from, int to, boolean chinese, Sink sink) {
    int len = to - from;
    String d = new String(digits, from, len);
    PersonalDataType type = null;
    boolean possible = false;
    if (isMobile(d, 0)
        || len == 13 && d.startsWith("86") && isMobile(d, 2)
        || len == 15 && d.startsWith("0086") && isMobile(d, 4)) {
      type = PersonalDataType.MOBILE;
    } else if (chinese) {
      return false;
    } else if (len == 18 && ResidentIds.isValid(d)) {
      type = PersonalDataType.RESIDENT_ID;
    } else if (len >= 16 && len <= MAX_NUMBER && isBankCard(d)) {
      type = PersonalDataType.BANK_CARD;
    } else if (len == 18 && ResidentIds.isPlausible(d)) {
      type = PersonalDataType.RESIDENT_ID;
      possible = true;
    } else if (len >= 10
        && len <= 12
        && d.charAt(0) == '0'
        && d.charAt(1) != '0'
        && d.indexOf('X') < 0) {
      type = PersonalDataType.LANDLINE;
    }
    if (type == null) {
      return false;
    }
    sink.add(type, starts[from], starts[to - 1] + 1, possible);
    return true;
  }

  private static boolean isMobile(String d, int at) {
    return d.length() - at == 11
        && d.charAt(at) == '1'
        && d.charAt(at + 1) >= '3'
        && d.charAt(at + 1) <= '9';
  }

  /**
   * Digits only, issued by a card network (first digit 3 American Express/JCB, 4 Visa, 5
   * Mastercard, 6 UnionPay/Discover, 9 older domestic cards) and a valid Luhn check digit.
   */
  static boolean isBankCard(String d) {
    char first = d.charAt(0);
    if (first != '3' && first != '4' && first != '5' && first != '6' && first != '9') {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int v = d.charAt(i) - '0';
      if (v < 0 || v > 9) {
        return false;
      }
      if (twice) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
