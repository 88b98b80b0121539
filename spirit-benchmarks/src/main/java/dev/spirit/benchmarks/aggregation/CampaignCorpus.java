package dev.spirit.benchmarks.aggregation;

import com.hankcs.hanlp.HanLP;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A generated, realistic campaign: approved submissions over 60 days in 7 districts and 6 channels
 * from a pool of participants, about 45% keywords, 30% slogans and 25% messages; 75% Chinese (5% of
 * it traditional), 20% English, 5% mixed. Words come from the campaign's real vocabulary (the seed
 * articles and the words Chongqing's residents gave), plus a long tail of coined two-character
 * words so the term table has a realistic size. Deterministic for a seed.
 */
final class CampaignCorpus {
  static final String[] DISTRICTS = {
    "yuzhong", "jiangbei", "yubei", "wanzhou", "wushan", "fengjie", "dadukou"
  };
  static final String[] ZH_WORDS = {
    "山城", "耿直", "热情", "火锅", "麻辣", "雄起", "巴渝", "解放碑", "洪崖洞", "两江", "包容", "开放", "担当", "坚韧", "豪爽",
    "繁荣", "奋斗", "创新", "江城", "雾都", "桥都", "红岩精神", "自强不息", "敢为人先", "重情重义", "大气", "朴实", "乐观", "拼搏",
    "勤劳", "友善", "诚信", "烟火气", "夜景", "长江", "嘉陵江", "朝天门", "磁器口", "李子坝", "轻轨", "吊脚楼", "三峡", "奉节", "脐橙",
    "诗城", "巫山", "神女", "万州", "烤鱼", "小面"
  };
  static final String[] ZH_SLOGANS = {
    "山水之城，美丽之地", "山水之城 美丽之地", "行千里 致广大", "耿直热情 重庆人", "雄起重庆 雄起山城", "巴渝文化 源远流长",
    "红岩精神 代代相传", "自强不息 敢为人先", "山城有爱 重庆有情", "坚韧顽强 开放包容", "江城雾都 魅力重庆", "重情重义 耿直豪爽"
  };
  static final String[] ZH_MESSAGES = {
    "重庆人%s又%s，我爱%s",
    "%s的夜景太美了，%s很%s",
    "来%s吃%s，感受重庆人的%s",
    "我觉得重庆精神就是%s和%s",
    "%s是重庆的名片，%s也是",
    "在%s留言：%s、%s、%s"
  };
  static final String[] EN_WORDS = {
    "candor",
    "enthusiasm",
    "prosperity",
    "proactivity",
    "warmth",
    "resilience",
    "openness",
    "tenacity",
    "solidarity",
    "commitment",
    "vibrant",
    "hospitality",
    "mountains",
    "rivers",
    "bridges",
    "spicy",
    "hotpot",
    "inclusive",
    "hardworking",
    "friendly",
    "passionate",
    "brave"
  };
  static final String[] EN_SLOGANS = {
    "A City of Mountains and Rivers", "a city of mountain and river!", "Candid, Warm, Proud",
    "Chongqing: enthusiastic and open", "Mountain City, Open Heart", "Spicy food, warm people"
  };
  static final String[] EN_MESSAGES = {
    "Chongqing people are %s and %s", "I love the %s and the %s of Chongqing",
    "The spirit of Chongqing is %s, %s and %s", "Visited %s, so much %s!"
  };
  // Characters people coin new words and slogans from: a long tail of distinct terms and slogans.
  private static final String COINING =
      "城山江桥灯火风雨情义勇毅韧闯拼乐豪爽暖亮新潮美味香辣甜梦光彩云雾峡谷岩石花树春秋夏冬星月日"
          + "心魂志气德善真诚朴实勤奋进取团结包容开放创造智慧文明和谐自由民主富强友爱信念精神力量"
          + "古今老少家国乡土人民英雄先锋青年学子匠工农商渝巴州县镇村街巷码头索道轻轨洞天门楼阁";
  private static final String[] SLOGAN_HALVES = {
    "山水之城", "美丽之地", "行千里", "致广大", "耿直热情", "雄起重庆", "巴渝文化", "红岩精神", "自强不息",
    "敢为人先", "山城有爱", "江城有情", "开放包容", "坚韧顽强", "重情重义", "火锅飘香", "两江交汇", "魅力重庆",
    "奋斗不止", "创新不停"
  };

  private CampaignCorpus() {}

  /** The campaign every generated submission belongs to. */
  static final CampaignId CAMPAIGN = CampaignId.generate(Instant.parse("2024-03-01T00:00:00Z"));

  /** The submissions and endorsements of a generated campaign. */
  record Data(List<Submission> submissions, List<Reaction> endorsements) {}

  static Data generate(int size, int participants, long seed) {
    Random r = new Random(seed);
    CampaignId campaign = CAMPAIGN;
    Instant start = Instant.parse("2024-03-25T00:00:00Z");
    List<Submission> out = new ArrayList<>(size);
    List<Reaction> endorsements = new ArrayList<>(size / 5);
    Role[] roles = Role.values();
    Channel[] channels = Channel.values();
    for (int i = 0; i < size; i++) {
      Instant at = start.plusSeconds((long) i * 60L * 60 * 24 * 60 / size);
      int p = (int) Math.min(participants - 1, Math.abs(r.nextGaussian() * participants / 3));
      int dice = r.nextInt(100);
      SubmissionKind kind =
          dice < 45
              ? SubmissionKind.KEYWORD
              : dice < 75 ? SubmissionKind.SLOGAN : SubmissionKind.MESSAGE;
      int lang = r.nextInt(100);
      String text;
      Language language;
      if (lang < 75) {
        text = chinese(kind, r);
        if (r.nextInt(20) == 0) {
          text = HanLP.convertToTraditionalChinese(text);
        }
        language = Language.ZH;
      } else if (lang < 95) {
        text = english(kind, r);
        language = Language.EN;
      } else {
        text = pick(ZH_WORDS, r) + " is so " + pick(EN_WORDS, r) + "，" + pick(ZH_WORDS, r);
        kind = SubmissionKind.MESSAGE;
        language = Language.ZH;
      }
      Submission s =
          Submission.builder()
              .id(SubmissionId.generate(at))
              .campaignId(campaign)
              .kind(kind)
              .text(SubmissionText.of(text))
              .language(language)
              .district(
                  District.of(
                      DISTRICTS[
                          Math.min(DISTRICTS.length - 1, (int) Math.abs(r.nextGaussian() * 2.5))]))
              .channel(channels[r.nextInt(channels.length)])
              .participant(
                  new Participant(ParticipantId.of("p" + p), roles[p % roles.length], true))
              .receivedAt(at)
              .status(SubmissionStatus.APPROVED)
              .version(1)
              .build();
      out.add(s);
      if (kind == SubmissionKind.SLOGAN && r.nextInt(3) == 0) {
        int by = r.nextInt(participants);
        endorsements.add(
            new Reaction(
                s.id(),
                campaign,
                ParticipantId.of("p" + by),
                ReactionType.ENDORSE,
                Optional.empty(),
                at.plusSeconds(600)));
      }
    }
    return new Data(out, endorsements);
  }

  private static String chinese(SubmissionKind kind, Random r) {
    return switch (kind) {
      case KEYWORD -> r.nextInt(10) == 0 ? coined(r) : pick(ZH_WORDS, r);
      case SLOGAN -> {
        int dice = r.nextInt(10);
        if (dice < 5) {
          yield pick(ZH_SLOGANS, r);
        } else if (dice < 8) {
          // Two halves, as people combine them, with varying punctuation.
          yield SLOGAN_HALVES[r.nextInt(SLOGAN_HALVES.length)]
              + (r.nextBoolean() ? "，" : " ")
              + SLOGAN_HALVES[r.nextInt(SLOGAN_HALVES.length)];
        } else {
          // A slogan of one's own: two coined four-character phrases.
          yield coined(r) + coined(r) + " " + coined(r) + coined(r);
        }
      }
      default -> {
        String template = pick(ZH_MESSAGES, r);
        Object[] args = new Object[4];
        for (int i = 0; i < args.length; i++) {
          args[i] = r.nextInt(8) == 0 ? coined(r) : pick(ZH_WORDS, r);
        }
        yield String.format(template, args);
      }
    };
  }

  private static String english(SubmissionKind kind, Random r) {
    return switch (kind) {
      case KEYWORD -> pick(EN_WORDS, r);
      case SLOGAN -> pick(EN_SLOGANS, r);
      default ->
          String.format(
              pick(EN_MESSAGES, r), pick(EN_WORDS, r), pick(EN_WORDS, r), pick(EN_WORDS, r));
    };
  }

  private static String coined(Random r) {
    return ""
        + COINING.charAt(r.nextInt(COINING.length()))
        + COINING.charAt(r.nextInt(COINING.length()));
  }

  private static String pick(String[] values, Random r) {
    // Zipf-like: earlier entries are much more popular, as in real campaigns.
    int i = (int) Math.min(values.length - 1, Math.abs(r.nextGaussian() * values.length / 2.5));
    return values[i];
  }
}
