package dev.spirit.moderation.internal;

import dev.spirit.campaign.PersonalDataType;

/**
 * QQ numbers and WeChat ids, only where the text announces them: a keyword, an optional {@code
 * 号}/{@code 号码}/{@code 群}/{@code id}, at most three separators ({@code :} {@code ：} space {@code
 * -}), then the handle. Letters are compared case-insensitively and in either width.
 *
 * <ul>
 *   <li>QQ: {@code QQ 扣扣 企鹅 企鹅号}, then 5–11 digits not starting with 0;
 *   <li>WeChat: {@code 微信 威信 薇信 V信 VX WX weixin WeChat}, then a WeChat id: 6–20 letters, digits,
 *       {@code _} or {@code -}, starting with a letter.
 * </ul>
 *
 * <p>A bare handle ({@code abc123}) or a keyword followed by anything else ({@code qq糖}) is not
 * personal data. Each keyword looks at most a few dozen characters ahead, so the work is linear.
 */
final class Handles {
  private static final String[] QQ = {"qq", "扣扣", "企鹅"};
  private static final String[] WECHAT = {"wechat", "weixin", "微信", "威信", "薇信", "v信", "vx", "wx"};
  private static final String[] QUALIFIERS = {"号码", "号", "群", "id"};
  private static final int MAX_SEPARATORS = 3;

  private Handles() {}

  static void scan(String text, PersonalDataScanner.Sink sink) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      int after = keyword(text, i, QQ);
      PersonalDataType type = PersonalDataType.QQ;
      if (after < 0) {
        after = keyword(text, i, WECHAT);
        type = PersonalDataType.WECHAT;
      }
      if (after < 0) {
        continue;
      }
      int at = skipQualifierAndSeparators(text, after);
      int end = type == PersonalDataType.QQ ? qqEnd(text, at) : weChatEnd(text, at);
      if (end > 0) {
        sink.add(type, at, end, false);
        i = end - 1;
      }
    }
  }

  /** The index after a keyword starting at {@code i}, or -1. */
  private static int keyword(String text, int i, String[] words) {
    for (String w : words) {
      if (matchesAt(text, i, w)) {
        boolean latin = PersonalDataScanner.isAsciiLetter(w.charAt(0));
        // "wx" inside "twx123" or "qq" inside "qqq" is not the keyword.
        if (latin && i > 0 && isHandleChar(lower(text.charAt(i - 1)))) {
          return -1;
        }
        return i + w.length();
      }
    }
    return -1;
  }

  private static boolean matchesAt(String text, int i, String word) {
    if (i + word.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (lower(text.charAt(i + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int skipQualifierAndSeparators(String text, int at) {
    for (String q : QUALIFIERS) {
      if (matchesAt(text, at, q)) {
        at += q.length();
        break;
      }
    }
    int seps = 0;
    while (at < text.length() && seps < MAX_SEPARATORS && isSeparator(text.charAt(at))) {
      at++;
      seps++;
    }
    return at;
  }

  private static boolean isSeparator(char c) {
    char a = PersonalDataScanner.ascii(c);
    return a == ':' || a == ' ' || a == '-' || c == '\u3000' || c == '\t';
  }

  private static int qqEnd(String text, int at) {
    int n = text.length();
    int k = at;
    while (k < n && k - at <= 11 && PersonalDataScanner.isAsciiDigit(lower(text.charAt(k)))) {
      k++;
    }
    int len = k - at;
    if (len < 5 || len > 11 || lower(text.charAt(at)) == '0') {
      return -1;
    }
    return k;
  }

  private static int weChatEnd(String text, int at) {
    int n = text.length();
    if (at >= n || !PersonalDataScanner.isAsciiLetter(lower(text.charAt(at)))) {
      return -1;
    }
    int k = at;
    while (k < n && k - at <= 20 && isHandleChar(lower(text.charAt(k)))) {
      k++;
    }
    int len = k - at;
    return len >= 6 && len <= 20 ? k : -1;
  }

  private static boolean isHandleChar(char a) {
    return PersonalDataScanner.isAsciiLetter(a)
        || PersonalDataScanner.isAsciiDigit(a)
        || a == '_'
        || a == '-';
  }

  private static char lower(char c) {
    char a = PersonalDataScanner.ascii(c);
    return a >= 'A' && a <= 'Z' ? (char) (a + 32) : a;
  }
}
