package dev.spirit.moderation.internal;

import dev.spirit.campaign.PersonalDataType;

/**
 * Mainland postal addresses, read as a chain of components, each a name or a number followed by a
 * suffix:
 *
 * <ul>
 *   <li>an administrative area: a name and {@code 省 市 区 县 镇 乡 街道 自治区 自治州 自治县} ({@code 渝中区}, {@code
 *       巫山县});
 *   <li>a street: a name and {@code 路 街 大街 大道 巷 胡同 弄} ({@code 解放碑步行街});
 *   <li>a residential compound or building: a name and {@code 小区 花园 公寓 大厦 大楼 家园 新村 社区 苑 园 城 广场 公馆
 *       中心 宿舍}, or a village: a name and {@code 村} ({@code 幸福小区}, {@code 龙门村});
 *   <li>a number — digits in any width, Chinese numerals, a single letter for a block — and {@code
 *       号 号院 号楼 栋 幢 座 单元 室 房 户 组}, or a floor {@code 楼 层} ({@code 88号}, {@code 3栋}, {@code 501室}).
 * </ul>
 *
 * <p>Components that follow one another, directly or across one space or dash, form a chain. A
 * chain is an address if it names a house, building, unit or room — a number other than a floor —
 * and either a street or compound it is in, or a second number of another kind ({@code 3栋2单元}). So
 * {@code 渝中区解放碑步行街88号} and {@code 幸福小区3栋2单元501室} are addresses, while place names alone ({@code
 * 我爱渝中区}, {@code 巫山县的红叶}), a street alone, a date ({@code 10月1号}), a metro line ({@code 2号线}), a
 * floor ({@code 来福士广场5楼}), a flat's layout ({@code 三室一厅}) or a licence number ({@code
 * 渝ICP备20009753号}) are not. The whole chain is masked, from its first component.
 *
 * <p>A name is read backwards from its suffix over Han characters and Latin letters, at most {@link
 * #MAX_NAME} of them, and stops at the previous component and at characters that do not occur in
 * place names but do around them ({@code 我 住 在 的 到 …}). Each suffix therefore costs a bounded
 * look-back, and the scan is linear in the text.
 */
final class Addresses {
  private static final byte ADMIN = 1;
  private static final byte STREET = 2;
  private static final byte PLACE = 3;
  // Numbered components; the value also tells two numbers of different kinds apart.
  private static final byte HOUSE = 4; // 号 号院
  private static final byte BUILDING = 5; // 号楼 栋 幢 座
  private static final byte UNIT = 6; // 单元
  private static final byte ROOM = 7; // 室 房 户
  private static final byte FLOOR = 8; // 楼 层
  private static final byte GROUP = 9; // 组 (a village team)

  // Longest first where one suffix ends another (自治区 before 小区 before 区, 号楼 before 楼).
  private static final String[] SUFFIXES = {
    "自治区", "自治州", "自治县", "街道", "小区", "社区", "花园", "公寓", "大厦", "大楼", "家园", "新村", "广场", "公馆", "中心",
    "宿舍", "大街", "大道", "胡同", "号院", "号楼", "单元", "省", "市", "区", "县", "镇", "乡", "村", "路", "街", "巷", "弄",
    "苑", "园", "城", "号", "栋", "幢", "座", "室", "房", "户", "组", "楼", "层"
  };
  private static final byte[] KINDS = {
    ADMIN, ADMIN, ADMIN, ADMIN, PLACE, PLACE, PLACE, PLACE, PLACE, PLACE, PLACE, PLACE, PLACE,
    PLACE, PLACE, PLACE, STREET, STREET, STREET, HOUSE, BUILDING, UNIT, ADMIN, ADMIN, ADMIN, ADMIN,
    ADMIN, ADMIN, PLACE, STREET, STREET, STREET, STREET, PLACE, PLACE, PLACE, HOUSE, BUILDING,
    BUILDING, BUILDING, ROOM, ROOM, ROOM, GROUP, FLOOR, FLOOR
  };

  /** The last characters of all suffixes. */
  private static final String SUFFIX_ENDS = "区州县道园寓厦楼村场馆心舍街同院元省市镇乡路巷弄苑城号栋幢座室房户组层";

  /** The last characters of numbered suffixes: without one, a text holds no address. */
  private static final String FINE_ENDS = "号院楼栋幢座元室房户组层";

  /** Characters that end a name read backwards: pronouns, particles, verbs of living and going. */
  private static final String STOPS = "我你他她它们咱您的地得在住是到去从往于与及或址送寄位就也都很了着过请把被给这那个有为要说爱逛游回搬近";

  /** After a bare 号 these make it a line, gate, exit, platform, seat, size, … not a house. */
  private static final String NOT_HOUSE = "线门口出站台码机位车字牌馆厅展桌床球员选种令召称角";

  private static final String NUMERALS = "零〇一二三四五六七八九十百千两幺";

  private static final int MAX_NAME = 8;
  private static final int MAX_NUMBER = 8;

  private Addresses() {}

  static boolean isFineSuffixEnd(char c) {
    return FINE_ENDS.indexOf(c) >= 0;
  }

  static void scan(String text, PersonalDataScanner.Sink sink) {
    Chain chain = new Chain(text, sink);
    for (int i = 0; i < text.length(); i++) {
      if (SUFFIX_ENDS.indexOf(text.charAt(i)) < 0) {
        continue;
      }
      for (int s = 0; s < SUFFIXES.length; s++) {
        String suffix = SUFFIXES[s];
        int suffixStart = i + 1 - suffix.length();
        if (suffixStart >= 0 && text.startsWith(suffix, suffixStart)) {
          if (component(text, suffixStart, i + 1, KINDS[s], chain)) {
            break;
          }
        }
      }
    }
    chain.close();
  }

  /** Reads the name or number before a suffix; true if it makes a component. */
  private static boolean component(String text, int suffixStart, int end, byte kind, Chain chain) {
    int floor = chain.boundaryBefore(suffixStart);
    int start;
    if (kind >= HOUSE) {
      start = numberStart(text, suffixStart, floor, kind);
      if (start < 0 || !numberFits(text, start, end, kind)) {
        return false;
      }
    } else {
      start = nameStart(text, suffixStart, floor, kind);
      if (start < 0) {
        return false;
      }
    }
    chain.add(start, end, kind);
    return true;
  }

  private static int numberStart(String text, int suffixStart, int floor, byte kind) {
    int k = suffixStart;
    int numerals = 0;
    while (k > floor && suffixStart - k < MAX_NUMBER) {
      char c = text.charAt(k - 1);
      if (isNumeral(c)) {
        numerals++;
      } else if (!(c == '-' && numerals > 0 && k - 1 > floor && isNumeral(text.charAt(k - 2)))) {
        break;
      }
      k--;
    }
    if (numerals == 0) {
      // A block or unit named by one letter: A座, B栋.
      boolean block = kind == BUILDING || kind == UNIT;
      if (block
          && k > floor
          && isAlnum(text.charAt(k - 1))
          && (k - 1 == floor || !isAlnum(text.charAt(k - 2)))) {
        return k - 1;
      }
      return -1;
    }
    // 第3号 is an ordinal, not a house.
    return k > 0 && text.charAt(k - 1) == '第' ? -1 : k;
  }

  private static boolean numberFits(String text, int start, int end, byte kind) {
    char next = end < text.length() ? text.charAt(end) : 0;
    if (kind == HOUSE && text.charAt(end - 1) == '号' && NOT_HOUSE.indexOf(next) >= 0) {
      return false;
    }
    if (kind == ROOM && text.charAt(end - 1) == '室') {
      // 三室一厅, 3室2厅: the layout of a flat.
      char after = end + 1 < text.length() ? text.charAt(end + 1) : 0;
      return next != '厅' && !(isNumeral(next) && after == '厅');
    }
    return true;
  }

  private static int nameStart(String text, int suffixStart, int floor, byte kind) {
    int k = suffixStart;
    while (k > floor
        && suffixStart - k < MAX_NAME
        && isNameChar(text.charAt(k - 1), kind != ADMIN)) {
      k--;
    }
    int min = kind == STREET ? 1 : 2;
    return suffixStart - k >= min ? k : -1;
  }

  private static boolean isNameChar(char c, boolean latin) {
    if (STOPS.indexOf(c) >= 0) {
      return false;
    }
    byte kind = TextFolder.kind(c);
    return kind == TextFolder.HAN || latin && kind == TextFolder.LATIN;
  }

  private static boolean isAlnum(char c) {
    char a = PersonalDataScanner.ascii(c);
    return PersonalDataScanner.isAsciiLetter(a) || PersonalDataScanner.isAsciiDigit(a);
  }

  private static boolean isNumeral(char c) {
    return TextFolder.kind(c) == TextFolder.DIGIT || NUMERALS.indexOf(c) >= 0;
  }

  /**
   * The chain being read: components that follow one another. Only the last component is kept
   * apart, so that a longer suffix that begins inside it can replace it ({@code 3号} becomes {@code
   * 3号楼}, {@code 解放街} becomes {@code 解放街道}); the ones before are summed up in flags.
   */
  private static final class Chain {
    private final String text;
    private final PersonalDataScanner.Sink sink;
    private boolean open;
    private int start;
    private int closedEnd;
    private int prevEnd;
    private int lastEnd;
    private byte lastKind;
    private boolean located;
    private boolean numbered;
    private int numberKinds;

    Chain(String text, PersonalDataScanner.Sink sink) {
      this.text = text;
      this.sink = sink;
    }

    /** Where a name or number before {@code suffixStart} may begin at the earliest. */
    int boundaryBefore(int suffixStart) {
      if (!open) {
        return closedEnd;
      }
      return suffixStart < lastEnd ? prevEnd : lastEnd;
    }

    void add(int from, int to, byte kind) {
      if (open && from < lastEnd) {
        start = Math.min(start, from);
        lastEnd = to;
        lastKind = kind;
        return;
      }
      if (open && !follows(lastEnd, from)) {
        close();
      }
      if (open) {
        sum(lastKind);
        prevEnd = lastEnd;
      } else {
        open = true;
        start = from;
        prevEnd = closedEnd;
      }
      lastEnd = to;
      lastKind = kind;
    }

    private boolean follows(int previousEnd, int from) {
      if (from == previousEnd) {
        return true;
      }
      if (from - previousEnd != 1) {
        return false;
      }
      char c = text.charAt(previousEnd);
      return c == ' ' || c == '\u3000' || c == '-' || c == '－' || c == '—' || c == '·';
    }

    private void sum(byte kind) {
      located |= kind == STREET || kind == PLACE;
      numbered |= kind >= HOUSE && kind != FLOOR;
      if (kind >= HOUSE) {
        numberKinds |= 1 << kind;
      }
    }

    /** Ends the chain, reporting it if it is an address. */
    void close() {
      if (!open) {
        return;
      }
      sum(lastKind);
      boolean inBuilding =
          (numberKinds & (1 << BUILDING | 1 << UNIT | 1 << ROOM)) != 0
              && Integer.bitCount(numberKinds) >= 2;
      if (numbered && (located || inBuilding)) {
        sink.add(PersonalDataType.ADDRESS, start, lastEnd, false);
      }
      closedEnd = lastEnd;
      open = false;
      located = false;
      numbered = false;
      numberKinds = 0;
    }
  }
}
