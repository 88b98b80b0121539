package dev.spirit.moderation.internal;

import java.util.List;

/**
 * Whether a term is mentioned to warn against it ({@code 远离毒品}, {@code 严禁私藏枪支}, {@code
 * 刷单诈骗要当心}): a cue word of prohibition, avoidance or reporting just before the term, or a cue
 * word naming it as a harm, a crime or a thing regulated just after it, in the same clause. Such a
 * mention goes to review at most, never straight to rejection: the rule lowers, a moderator decides.
 */
public final class WarningContext {
  /** Verbs that warn against what follows them. */
  private static final List<String> BEFORE =
      List.of(
          "远离", "禁止", "严禁", "严打", "打击", "拒绝", "举报", "抵制", "杜绝", "防范", "警惕", "谨防", "反对", "预防",
          "查处", "取缔", "整治", "戒除", "当心", "小心", "不碰", "禁", "戒", "拒", "反");

  /** Nouns that, right after a term, make it the subject of a warning or a regulation. */
  private static final List<String> AFTER =
      List.of(
          "诈骗", "害人", "危害", "违法", "犯罪", "管理", "管制", "条例", "法规", "宣传", "陷阱", "套路", "骗局", "防范",
          "举报", "有害", "可耻");

  /** How many characters may sit between a cue before the term and the term ({@code 严禁私藏枪支}). */
  private static final int BEFORE_REACH = 2;

  private WarningContext() {}

  /**
   * Whether the span is in a warning context.
   *
   * @param text the original text
   * @param start span start, inclusive
   * @param end span end, exclusive
   * @return true if a cue word is just before or after it in the same clause
   */
  public static boolean warns(String text, int start, int end) {
    for (int skip = 0; skip <= BEFORE_REACH; skip++) {
      int cueEnd = start - skip;
      if (cueEnd <= 0 || skip > 0 && isBoundary(text.charAt(cueEnd))) {
        break;
      }
      for (String cue : BEFORE) {
        if (text.startsWith(cue, cueEnd - cue.length())) {
          return true;
        }
      }
    }
    int after = end;
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    for (String cue : AFTER) {
      if (text.startsWith(cue, after)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoundary(char c) {
    return TextFolder.kind(c) == TextFolder.HARD;
  }
}
