package dev.spirit.examples.report;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionStatus;
import java.util.Map;

/** Bilingual display names of districts, channels, roles and statuses. */
public final class Labels {
  private static final Map<String, String> DISTRICTS =
      Map.of(
          "yuzhong", "渝中 Yuzhong",
          "wushan", "巫山 Wushan",
          "fengjie", "奉节 Fengjie",
          "yubei", "渝北 Yubei",
          "wanzhou", "万州 Wanzhou",
          "dadukou", "大渡口 Dadukou",
          "jiangbei", "江北 Jiangbei");

  private Labels() {}

  /**
   * A district's display name.
   *
   * @param district the district
   * @return e.g. {@code 渝中 Yuzhong}, or the code for districts without a known name
   */
  public static String district(District district) {
    return DISTRICTS.getOrDefault(district.code(), district.code());
  }

  /**
   * A channel's display name.
   *
   * @param channel the channel
   * @return e.g. {@code 留言板 message board}
   */
  public static String channel(Channel channel) {
    return switch (channel) {
      case MESSAGE_BOARD -> "留言板 message board";
      case MAILBOX -> "主题信箱 mailbox";
      case INTERVIEW -> "街头采访 interview";
      case CARD -> "卡片 card";
      case ONLINE -> "线上 online";
      case EVENT -> "诗会活动 event";
    };
  }

  /**
   * A role's display name.
   *
   * @param role the role
   * @return e.g. {@code 市民 resident}
   */
  public static String role(Role role) {
    return switch (role) {
      case RESIDENT -> "市民 resident";
      case VISITOR -> "游客 visitor";
      case EXPERT -> "专家 expert";
      case STUDENT -> "学生 student";
      case OTHER -> "其他 other";
    };
  }

  /**
   * A status's display name.
   *
   * @param status the status
   * @return e.g. {@code 已通过 approved}
   */
  public static String status(SubmissionStatus status) {
    return switch (status) {
      case PENDING -> "待审 pending";
      case APPROVED -> "已通过 approved";
      case REJECTED -> "未通过 rejected";
      case HIDDEN -> "已隐藏 hidden";
      case WITHDRAWN -> "已撤回 withdrawn";
    };
  }
}
