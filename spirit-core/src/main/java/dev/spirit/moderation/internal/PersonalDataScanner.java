package dev.spirit.moderation.internal;

import dev.spirit.campaign.PersonalDataType;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text, in this order (a later finding overlapping an earlier one is
 * dropped):
 *
 * <ol>
 *   <li>e-mail addresses (ASCII);
 *   <li>digit groups: digits in any width joined by at most two separators (space, {@code - . · (
 *       )}), e.g. {@code +86 138-1234-5678} or {@code (023) 6385 1234}; an 18-character group with
 *       a valid ISO 7064 check character and birth date is a resident id, 11 digits {@code 1[3-9]…}
 *       (optionally after {@code 86}/{@code 0086}) a mobile number, 10–12 digits starting {@code
 *       0[1-9]} a landline;
 *   <li>QQ numbers and WeChat ids after a keyword ({@code QQ 扣扣 企鹅}, {@code 微信 vx wx WeChat});
 *   <li>web addresses: with a scheme, starting {@code www.}, or a host under a common top-level
 *       domain.
 * </ol>
 */
public final class PersonalDataScanner {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern QQ =
      Pattern.compile("(?i)(?:qq|扣扣|企鹅)\\s*(?:号|群|号码)?\\s*[:：]?\\s*([1-9][0-9]{4,10})(?![0-9])");
  private static final Pattern WECHAT =
      Pattern.compile(
          "(?i)(?:微信|威信|薇信|v信|vx|wx|weixin|wechat)\\s*(?:号|id)?\\s*[:：]?\\s*"
              + "([a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])");
  private static final Pattern URL =
      Pattern.compile(
          "(?i)(?:https?://|www\\.)[^\\s<>\"'，。、！？）)]+"
              + "|(?<![@A-Za-z0-9.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*"
              + "\\.(?:com|cn|net|org|top|xyz|info|io|cc|me|vip|shop|club|site|online|tv)"
              + "(?![A-Za-z0-9-])(?:/[^\\s<>\"'，。、！？）)]*)?");

  private PersonalDataScanner() {}

  /**
   * One piece of personal data.
   *
   * @param type what it is
   * @param span where in the original text
   */
  public record Found(PersonalDataType type, TextSpan span) {}

  /**
   * Scans a text.
   *
   * @param text the original text
   * @return what was found, in the order above
   */
  public static List<Found> scan(String text) {
    List<Found> found = new ArrayList<>(0);
    // Cheap character checks first: most texts have no '@', no ASCII dot and no Latin letters
    // that could start a keyword, and then the regular expressions need not run at all.
    boolean at = false;
    boolean dot = false;
    boolean latin = false;
    boolean qq = false;
    boolean wechat = false;
    char previous = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      at |= c == '@';
      dot |= c == '.';
      latin |= lower >= 'a' && lower <= 'z';
      qq |= lower == 'q' && previous == 'q' || c == '扣' || c == '企';
      wechat |=
          lower == 'x' && (previous == 'v' || previous == 'w')
              || lower == 'e' && previous == 'w'
              || c == '信';
      previous = lower;
    }
    if (at) {
      regex(text, EMAIL, 0, PersonalDataType.EMAIL, found);
    }
    digitGroups(text, found);
    if (qq) {
      regex(text, QQ, 1, PersonalDataType.QQ, found);
    }
    if (wechat) {
      regex(text, WECHAT, 1, PersonalDataType.WECHAT, found);
    }
    if (dot && latin) {
      regex(text, URL, 0, PersonalDataType.URL, found);
    }
    return found;
  }

  private static void regex(
      String text, Pattern pattern, int group, PersonalDataType type, List<Found> found) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      add(found, type, new TextSpan(m.start(group), m.end(group)));
    }
  }

  private static void add(List<Found> found, PersonalDataType type, TextSpan span) {
    for (Found f : found) {
      if (f.span().start() < span.end() && span.start() < f.span().end()) {
        return;
      }
    }
    found.add(new Found(type, span));
  }

  private static void digitGroups(String text, List<Found> found) {
    int n = text.length();
    char[] digits = new char[Math.min(n, 64) + 1];
    int[] starts = new int[digits.length];
    int[] ends = new int[digits.length];
    int count = 0;
    int seps = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      byte kind = i < n ? TextFolder.kind(c) : TextFolder.HARD;
      char f = TextFolder.fold(c);
      boolean digit = kind == TextFolder.DIGIT;
      boolean checkX = count == 17 && seps == 0 && (f == 'x') && kind == TextFolder.LATIN;
      if (digit || checkX) {
        if (count == digits.length) {
          // Too long to be a number we look for: skip the rest of the group.
          count = Integer.MIN_VALUE / 2;
        }
        if (count >= 0) {
          digits[count] = checkX ? 'X' : f;
          starts[count] = i;
          ends[count] = i + 1;
        }
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
        classify(new String(digits, 0, count), starts, ends, found);
      }
      count = 0;
      seps = 0;
    }
  }

  private static void classify(String d, int[] starts, int[] ends, List<Found> found) {
    int len = d.length();
    PersonalDataType type = null;
    int from = 0;
    if (len == 18 && ResidentIds.isValid(d)) {
      type = PersonalDataType.RESIDENT_ID;
    } else if (isMobile(d, 0)) {
      type = PersonalDataType.MOBILE;
    } else if (len == 13 && d.startsWith("86") && isMobile(d, 2)) {
      type = PersonalDataType.MOBILE;
    } else if (len == 15 && d.startsWith("0086") && isMobile(d, 4)) {
      type = PersonalDataType.MOBILE;
    } else if (len >= 10 && len <= 12 && d.charAt(0) == '0' && d.charAt(1) != '0') {
      type = PersonalDataType.LANDLINE;
    }
    if (type != null) {
      add(found, type, new TextSpan(starts[from], ends[len - 1]));
    }
  }

  private static boolean isMobile(String d, int at) {
    return d.length() - at == 11
        && d.charAt(at) == '1'
        && d.charAt(at + 1) >= '3'
        && d.charAt(at + 1) <= '9';
  }
}
