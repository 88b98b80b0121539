package dev.spirit.examples.demo;

import java.util.List;
import java.util.Map;

/**
 * Words and slogans people might give a "Spirit of Chongqing City" campaign, written for the demo
 * after the themes of the campaign's news coverage: the red message boards of Jiefangbei, the Bayu,
 * Three Gorges and Hongyan cultures, the plum-flower poetry of Fengjie, the firefighters on the
 * mountains, openness and the new land-sea corridor.
 */
final class Vocabulary {
  private Vocabulary() {}

  /** Keywords every district gives, Chinese and English. */
  static final List<String> COMMON_ZH =
      List.of("耿直", "热情", "担当", "包容", "开放", "坚韧", "团结", "豪爽", "火辣", "仗义", "乐观", "奋进");

  static final List<String> COMMON_EN =
      List.of(
          "candor",
          "enthusiasm",
          "prosperity",
          "proactivity",
          "openness",
          "solidarity",
          "tenacity",
          "warmth",
          "vibrancy",
          "inclusivity");

  /** What each district's people lean towards. */
  static final Map<String, List<String>> DISTRICT_ZH =
      Map.of(
          "yuzhong", List.of("繁荣", "热情", "耿直", "解放碑", "烟火气", "不夜城"),
          "wushan", List.of("好客", "山水", "巫山云雨", "淳朴", "神女", "红叶"),
          "fengjie", List.of("诗城", "白帝", "李花", "风骨", "三峡", "诗意"),
          "yubei", List.of("创新", "开放", "远见", "担当", "数字化", "务实"),
          "wanzhou", List.of("传承", "和谐", "创新", "平湖", "厚道", "勤劳"),
          "dadukou", List.of("奋进", "坚韧", "钢铁脊梁", "实干", "重生", "绿色"),
          "jiangbei", List.of("开放", "包容", "活力", "两江交汇", "国际范", "时尚"));

  static final Map<String, List<String>> DISTRICT_EN =
      Map.of(
          "yuzhong", List.of("prosperity", "enthusiasm", "candor", "proactivity"),
          "wushan", List.of("hospitality", "scenery", "simplicity"),
          "fengjie", List.of("poetry", "elegance", "heritage"),
          "yubei", List.of("innovation", "openness", "vision", "accountability"),
          "wanzhou", List.of("tradition", "modernity", "harmony"),
          "dadukou", List.of("resilience", "renewal", "grit"),
          "jiangbei", List.of("openness", "diversity", "vibrancy"));

  static final List<String> SLOGANS_ZH =
      List.of(
          "山水之城 美丽之地",
          "耿直重庆 热情山城",
          "红岩精神 代代相传",
          "巴山渝水 包容开放",
          "两江交汇 奔流不息",
          "敢闯敢干 勇立潮头",
          "一江两岸 千年巴渝",
          "上山下坎 不怕艰难",
          "火锅沸腾 人心滚烫",
          "山城有爱 雾都有光");

  static final List<String> SLOGANS_EN =
      List.of(
          "Mountain city, open heart",
          "Two rivers, one spirit",
          "Candid people, fiery city",
          "Built on mountains, open to the world",
          "Where tradition meets tomorrow",
          "Warm hearts in a misty city");

  static final List<String> POEMS =
      List.of("李花开满山 诗人醉江边 白帝城头望 千年风骨传", "峡江万里流 城在云中游 一笔写重庆 豪情贯千秋", "梅李映春水 诗心照夔门 山城多儿女 耿直见精神");

  static final List<String> INTERVIEW_NOTES =
      List.of(
          "受访市民说：重庆人最大的特点是耿直，有事直说，帮忙不含糊。",
          "一位游客认为，重庆的热情体现在问路时大家都会带你走一段。",
          "老居民回忆山火时的志愿者，说这就是重庆的担当。",
          "A visitor said the city feels open and welcoming, even late at night.",
          "A student described Chongqing as resilient: the city keeps rebuilding and growing.");

  /** Texts that a campaign must refuse: spam and fraud adverts that reach every open board. */
  static final List<String> BLOCKED =
      List.of(
          "刷单兼职 日结 加微信",
          "专业办证 速度快",
          "澳门赌场 在线开户",
          "best casino bonus tonight",
          "cheap viagra online",
          "buy followers fast and cheap");

  /** Friendly texts that carry a phone number, which must not be published as given. */
  static final List<String> WITH_PHONE =
      List.of(
          "热情好客 欢迎来玩 联系我 13812345678",
          "耿直！有事打我电话 15923456789",
          "Love this city, call me +86 13698765432",
          "担当 —— 志愿者报名请拨 18623332211");
}
