package dev.spirit.moderation.internal;

import dev.spirit.campaign.PersonalDataType;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * its length. There is no regular expression: a backtracking one with nested repetition (a host
 * name's labels) overflows the stack on a long {@code a.a.a.…}.
 */
public final class PersonalDataScanner {
  /** Top-level domains that make a bare host name a web address. */
  private static final java.util.Set<String> TOP_LEVEL =
      java.util.Set.of(
          "com", "cn", "net", "org", "top", "xyz", "info", "io", "cc", "me", "vip", "shop", "club",
          "site", "online", "tv");

  /** The longest host name (RFC 1035). */
  private static final int MAX_HOST = 253;

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
    boolean digits = false;
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
      digits |=
          TextFolder.kind(c) == TextFolder.DIGIT || c >= '\u3007' && CHINESE_DIGITS.indexOf(c) >= 0;
      previous = lower;
    }
    if (at) {
      emails(text, sink);
    }
    if (digits) {
      digitGroups(text, sink);
    }
    if (handle) {
      Handles.scan(text, sink);
    }
    if (dot && latin) {
      urls(text, sink);
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
    private final int length;
    // Made on the first finding: most texts have none.
    private @Nullable BitSet taken;

    Sink(int length) {
      this.length = length;
    }

    void add(PersonalDataType type, int start, int end, boolean possible) {
      BitSet taken = this.taken;
      if (taken == null) {
        taken = new BitSet(length);
        this.taken = taken;
      }
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

  /**
   * Web addresses: {@code http://}, {@code https://} or {@code www.} and what follows up to a space
   * or closing punctuation; or a host name of labels joined by dots, not inside a longer run of
   * host characters or after an {@code @}, whose last label is a common top-level domain, with an
   * optional path.
   */
  private static void urls(String text, Sink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (startsWithIgnoreCase(text, i, "http://")
          || startsWithIgnoreCase(text, i, "https://")
          || startsWithIgnoreCase(text, i, "www.")) {
        int from =
            i
                + (startsWithIgnoreCase(text, i, "www.")
                    ? 4
                    : startsWithIgnoreCase(text, i, "https://") ? 8 : 7);
        int end = pathEnd(text, from);
        if (end > from) {
          sink.add(PersonalDataType.URL, i, end, false);
          i = end;
          continue;
        }
      }
      char c = text.charAt(i);
      if (!isHostChar(c)) {
        i++;
        continue;
      }
      // A run of host characters: look at it once, from its start only.
      int run = i;
      while (run < n && isHostChar(text.charAt(run))) {
        run++;
      }
      boolean startsRun = i == 0 || text.charAt(i - 1) != '@';
      if (startsRun && run - i <= MAX_HOST && isAsciiLetter(c) | isAsciiDigit(c)) {
        int end = hostEnd(text, i, run);
        if (end > 0) {
          if (end < n && text.charAt(end) == '/') {
            end = pathEnd(text, end + 1);
          }
          sink.add(PersonalDataType.URL, i, end, false);
        }
      }
      i = run;
    }
  }

  private static boolean isHostChar(char c) {
    return isAsciiLetter(c) || isAsciiDigit(c) || c == '.' || c == '-';
  }

  /** The end of the longest prefix of the run whose last label is a top-level domain, or -1. */
  private static int hostEnd(String text, int from, int run) {
    int end = -1;
    int labels = 0;
    int labelStart = from;
    for (int k = from; k <= run; k++) {
      if (k < run && text.charAt(k) != '.') {
        continue;
      }
      if (k == labelStart) {
        return end;
      }
      labels++;
      if (labels >= 2
          && TOP_LEVEL.contains(text.substring(labelStart, k).toLowerCase(java.util.Locale.ROOT))) {
        end = k;
      }
      labelStart = k + 1;
    }
    return end;
  }

  private static int pathEnd(String text, int from) {
    int k = from;
    while (k < text.length() && !endsPath(text.charAt(k))) {
      k++;
    }
    return k;
  }

  private static boolean endsPath(char c) {
    return Character.isWhitespace(c) || "<>\"'，。、！？）)".indexOf(c) >= 0;
  }

  private static boolean startsWithIgnoreCase(String text, int i, String prefix) {
    return text.regionMatches(true, i, prefix, 0, prefix.length());
  }

  /**
   * Reads digit groups into a buffer of 64 digits. A group that outgrows it is classified piece by
   * piece as it goes, keeping the last {@link #MAX_NUMBER} digits so that a number across the cut
   * is still found; a single piece longer than the buffer is no number we look for and is skipped.
   */
  private static void digitGroups(String text, Sink sink) {
    int n = text.length();
    Group g = new Group(Math.min(n, 64) + 1);
    int seps = 0;
    boolean skipping = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      byte kind = i < n ? TextFolder.kind(c) : TextFolder.HARD;
      char f = TextFolder.fold(c);
      int word = CHINESE_DIGITS.indexOf(c);
      boolean digit = kind == TextFolder.DIGIT || word >= 0;
      boolean checkX = g.count == 17 && seps == 0 && (f == 'x') && kind == TextFolder.LATIN;
      if (digit || checkX) {
        if (skipping) {
          continue;
        }
        boolean newPiece = g.count == 0 || seps > 0;
        if (g.count == g.digits.length) {
          if (!newPiece && g.pieceStart == 0) {
            skipping = true;
            g.reset();
            continue;
          }
          if (newPiece) {
            g.carryFrom(g.pieces(g.count, g.count - MAX_NUMBER, sink));
          } else {
            g.pieces(g.pieceStart, g.pieceStart, sink);
            g.carryFrom(g.pieceStart);
          }
        }
        g.append(checkX ? 'X' : word >= 0 ? CHINESE_DIGIT_VALUES.charAt(word) : f, i, newPiece);
        g.chinese |= word >= 0;
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
      if (joiner && skipping) {
        skipping = false;
        continue;
      }
      skipping = false;
      if (joiner && g.count != 0 && seps < 2) {
        if (kind != TextFolder.DROP) {
          seps++;
        }
        continue;
      }
      if (joiner && g.count == 0) {
        continue;
      }
      if (g.count > 0) {
        g.finish(sink);
      }
      g.reset();
      seps = 0;
    }
  }

  /** The digits of the group being read, with where each came from. */
  private static final class Group {
    final char[] digits;
    final int[] starts;
    final boolean[] pieceStarts;
    int count;
    int pieceStart;
    boolean chinese;
    boolean carried;

    Group(int capacity) {
      digits = new char[capacity];
      starts = new int[capacity];
      pieceStarts = new boolean[capacity];
    }

    void append(char digit, int at, boolean newPiece) {
      digits[count] = digit;
      starts[count] = at;
      pieceStarts[count] = newPiece;
      if (newPiece) {
        pieceStart = count;
      }
      count++;
    }

    void reset() {
      count = 0;
      pieceStart = 0;
      chinese = false;
      carried = false;
    }

    /** Moves the digits from {@code from} on to the front of the buffer. */
    void carryFrom(int from) {
      System.arraycopy(digits, from, digits, 0, count - from);
      System.arraycopy(starts, from, starts, 0, count - from);
      System.arraycopy(pieceStarts, from, pieceStarts, 0, count - from);
      count -= from;
      pieceStart = Math.max(0, pieceStart - from);
      if (count > 0) {
        pieceStarts[0] = true;
      }
      carried = true;
    }

    /**
     * Classifies the group as a whole (unless part of it was already carried over), or else its
     * pieces.
     */
    void finish(Sink sink) {
      if (!carried && classify(digits, starts, 0, count, chinese, sink)) {
        return;
      }
      pieces(count, count, sink);
    }

    /**
     * Classifies runs of whole pieces within the first {@code limit} digits, longest first from the
     * left, each at most {@link #MAX_NUMBER} digits long, so the work is linear; stops at the first
     * piece at or after {@code stopAt} and returns where.
     */
    int pieces(int limit, int stopAt, Sink sink) {
      int from = 0;
      while (from < limit && from < stopAt) {
        int last = from;
        for (int k = from + 1; k <= limit && k - from <= MAX_NUMBER; k++) {
          if (k == limit || pieceStarts[k]) {
            last = k;
          }
        }
        boolean classified = false;
        for (int k = last; k > from && !classified; k--) {
          boolean boundary = k == limit || pieceStarts[k];
          boolean whole = !carried && from == 0 && k == count;
          if (boundary && !whole && classify(digits, starts, from, k, chinese, sink)) {
            from = k;
            classified = true;
          }
        }
        if (!classified) {
          from = nextPiece(pieceStarts, from, limit);
        }
      }
      return from;
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
