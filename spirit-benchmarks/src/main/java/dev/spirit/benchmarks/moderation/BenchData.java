package dev.spirit.benchmarks.moderation;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.ignore.SensitiveWordCharIgnores;
import com.github.houbb.sensitive.word.support.resultcondition.WordResultConditions;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.moderation.Term;
import dev.spirit.moderation.TermAction;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.participant.Participant;
import dev.spirit.participant.Role;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic benchmark data: a 10,000-term mixed Chinese/English lexicon and a corpus of short
 * submissions, about 5% of which hide a lexicon term (plainly or with an evasion).
 */
final class BenchData {
  static final int LEXICON_SIZE = 10_000;

  private static final String[] ZH_PHRASES = {
    "山城精神", "耿直热情", "火锅之城", "开放包容", "坚韧顽强", "敢闯敢干", "巴渝文化", "红岩精神", "两江交汇", "解放碑的夜景", "洪崖洞千与千寻",
    "重庆人耿直", "麻辣火锅", "巴适得板", "雄起重庆", "勇于担当", "开放创新", "长江嘉陵江", "雾都", "山水之城", "美丽之地", "魔幻都市", "轻轨穿楼",
    "朝天门", "磁器口", "南山一棵树", "李子坝", "山城步道", "吊脚楼", "小面", "江湖气", "袍哥人家",
  };
  private static final String[] EN_PHRASES = {
    "mountain city",
    "hotpot spirit",
    "open and inclusive",
    "river city",
    "the city of fog",
    "brave and honest",
    "light rail through buildings",
    "night view of Jiefangbei",
    "spicy life",
    "warm people",
    "two rivers meet",
    "Chongqing forever",
    "city of bridges",
    "stairs everywhere",
  };

  private BenchData() {}

  /**
   * 10,000 terms: half English words and two-word phrases, half Chinese 2–4 character terms (every
   * Chinese folding on: pinyin, mixtures, homophones, splits), one Chinese term in four with an
   * alias.
   */
  static List<Term> terms() {
    Random random = new Random(42);
    Set<String> texts = new LinkedHashSet<>();
    List<Term> terms = new ArrayList<>();
    while (terms.size() < LEXICON_SIZE) {
      String text;
      if (terms.size() % 2 == 0) {
        text = word(random, 4 + random.nextInt(6));
        if (random.nextInt(10) == 0) {
          text = text + " " + word(random, 3 + random.nextInt(6));
        }
      } else {
        StringBuilder sb = new StringBuilder();
        int len = 2 + random.nextInt(3);
        for (int i = 0; i < len; i++) {
          sb.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
        }
        text = sb.toString();
      }
      if (texts.add(text)) {
        // One Chinese term in four has a short Latin alias, as initials do (sb for 傻逼).
        List<String> aliases =
            terms.size() % 2 == 1 && random.nextInt(4) == 0
                ? List.of(word(random, 3 + random.nextInt(2)))
                : List.of();
        terms.add(
            new Term(
                text,
                "cat" + random.nextInt(8),
                random.nextInt(4) == 0 ? TermAction.REVIEW : TermAction.BLOCK,
                aliases,
                true));
      }
    }
    return terms;
  }

  private static String word(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  static TermLexicon lexicon(List<Term> terms) {
    TermLexicon.Builder b = TermLexicon.builder();
    terms.forEach(b::add);
    return b.build();
  }

  /** sensitive-word over the same terms with every folding option on. */
  static SensitiveWordBs sensitiveWord(List<String> terms, List<String> allow) {
    return SensitiveWordBs.newInstance()
        .wordDeny(() -> terms)
        .wordAllow(() -> allow)
        .ignoreCase(true)
        .ignoreWidth(true)
        .ignoreNumStyle(true)
        .ignoreChineseStyle(true)
        .ignoreEnglishStyle(true)
        .ignoreRepeat(true)
        .charIgnore(SensitiveWordCharIgnores.specialChars())
        .wordResultCondition(WordResultConditions.englishWordMatch())
        .enableNumCheck(false)
        .enableEmailCheck(false)
        .enableUrlCheck(false)
        .enableIpv4Check(false)
        .init();
  }

  /** The campaign the pipeline benchmarks moderate for. */
  static Campaign campaign() {
    return Campaign.builder("bench")
        .title("重庆城市精神", "Spirit of Chongqing City")
        .prompt("一个词", "One word")
        .districts("yuzhong")
        .allChannels()
        .build();
  }

  /**
   * The pipeline benchmarks' submissions: the first {@code n} texts of the corpus as messages to
   * the campaign, 10 ms apart, from 500 collection points and 150,000 participants.
   */
  static Submission[] pipelineSubmissions(Campaign campaign, String[] corpus, int n) {
    Submission[] submissions = new Submission[n];
    Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant at = t0.plusMillis(10L * i);
      submissions[i] =
          Submission.builder()
              .id(SubmissionId.generate(at))
              .campaignId(campaign.id())
              .kind(SubmissionKind.MESSAGE)
              .text(corpus[i])
              .language(Language.ZH)
              .district(campaign.districts().iterator().next())
              .channel(Channel.MESSAGE_BOARD)
              .collectionPoint(Optional.of("kiosk-" + (i % 500)))
              .participant(Participant.consenting("p" + (i % 150_000), Role.RESIDENT))
              .receivedAt(at)
              .build();
    }
    return submissions;
  }

  /** Short submissions: 1–3 clean phrases, and in about 1 of 20 a term, sometimes evaded. */
  static String[] corpus(List<Term> terms, int size) {
    Random random = new Random(7);
    String[] out = new String[size];
    for (int n = 0; n < size; n++) {
      StringBuilder sb = new StringBuilder();
      boolean english = random.nextInt(4) == 0;
      int parts = 1 + random.nextInt(3);
      for (int p = 0; p < parts; p++) {
        if (p > 0) {
          sb.append(english ? " " : "，");
        }
        sb.append(
            english
                ? EN_PHRASES[random.nextInt(EN_PHRASES.length)]
                : ZH_PHRASES[random.nextInt(ZH_PHRASES.length)]);
      }
      if (random.nextInt(20) == 0) {
        String term = terms.get(random.nextInt(terms.size())).text();
        sb.append(' ').append(random.nextBoolean() ? evade(term, random) : term);
      }
      out[n] = sb.toString();
    }
    return out;
  }

  private static String evade(String term, Random random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (i > 0 && random.nextBoolean()) {
        sb.append(random.nextBoolean() ? '*' : '\u200B');
      }
      sb.append(c >= 'a' && c <= 'z' && random.nextBoolean() ? (char) (c - 'a' + 'Ａ') : c);
    }
    return sb.toString();
  }

  static double averageLength(String[] corpus) {
    long chars = 0;
    for (String s : corpus) {
      chars += s.length();
    }
    return (double) chars / corpus.length;
  }
}
