package dev.spirit.examples.demo;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.SubmissionRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates a realistic, deterministic set of submissions for the demo: the same seed gives the
 * same submissions. Each district has its own favourite words and usual channels (Yuzhong's message
 * boards and mailboxes, Wushan's street interviews, Fengjie's poetry events, Yubei's expert
 * dialogues, Jiangbei's online posts); a small share carries phone numbers or spam, is sent twice
 * by a retrying kiosk, or lacks consent.
 */
public final class DemoData {
  /** The campaign's districts. */
  public static final List<String> DISTRICTS =
      List.of("yuzhong", "wushan", "fengjie", "yubei", "wanzhou", "dadukou", "jiangbei");

  /** The first day of the generated campaign. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 24);

  /** How many days the generated campaign runs. */
  public static final int DAYS = 30;

  private static final List<Channel> ALL_CHANNELS = List.of(Channel.values());

  private DemoData() {}

  /**
   * One generated submission and when it arrives.
   *
   * @param at the arrival instant
   * @param request the request
   * @param retry true if this is a kiosk's retry of an earlier request (same idempotency key)
   */
  public record Item(Instant at, SubmissionRequest request, boolean retry) {}

  /**
   * Generates submissions, ordered by arrival.
   *
   * @param campaignId the campaign they are for
   * @param count how many distinct submissions (retries come on top)
   * @param seed the random seed
   * @param zone the campaign's time zone
   * @return the items
   */
  public static List<Item> generate(CampaignId campaignId, int count, long seed, ZoneId zone) {
    Random random = new Random(seed);
    List<Item> items = new ArrayList<>(count + count / 20);
    double[] dayWeights = new double[DAYS];
    double weightSum = 0;
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = FIRST_DAY.plusDays(d);
      double ramp = 0.5 + Math.min(1.0, d / 8.0);
      double weekend = day.getDayOfWeek().getValue() >= 6 ? 1.5 : 1.0;
      double festival = (d >= 6 && d <= 8) ? 1.8 : 1.0; // plum-flower festival weekend
      double fade = d > 22 ? 0.7 : 1.0;
      dayWeights[d] = ramp * weekend * festival * fade;
      weightSum += dayWeights[d];
    }
    for (int i = 0; i < count; i++) {
      String district = pickDistrict(random);
      int day = pickDay(random, dayWeights, weightSum);
      Instant at =
          FIRST_DAY
              .plusDays(day)
              .atTime(8 + random.nextInt(14), random.nextInt(60), random.nextInt(60))
              .atZone(zone)
              .toInstant();
      Channel channel = pickChannel(random, district);
      Role role = pickRole(random, district, channel);
      String participant = "p-" + district + "-" + String.format("%04d", random.nextInt(420));
      SubmissionKind kind;
      String text;
      double r = random.nextDouble();
      if (r < 0.012) {
        kind = SubmissionKind.MESSAGE;
        text = pick(random, Vocabulary.BLOCKED);
      } else if (r < 0.028) {
        kind = SubmissionKind.MESSAGE;
        text = pick(random, Vocabulary.WITH_PHONE);
      } else if (channel == Channel.INTERVIEW && random.nextDouble() < 0.25) {
        kind = SubmissionKind.INTERVIEW_NOTE;
        text = pick(random, Vocabulary.INTERVIEW_NOTES);
      } else if (channel == Channel.EVENT
          && district.equals("fengjie")
          && random.nextDouble() < 0.3) {
        kind = SubmissionKind.POEM;
        text = pick(random, Vocabulary.POEMS);
      } else if (random.nextDouble() < 0.18) {
        kind = SubmissionKind.SLOGAN;
        boolean english =
            role == Role.VISITOR ? random.nextDouble() < 0.5 : random.nextDouble() < 0.15;
        text = pick(random, english ? Vocabulary.SLOGANS_EN : Vocabulary.SLOGANS_ZH);
      } else {
        kind = SubmissionKind.KEYWORD;
        double englishShare = role == Role.VISITOR ? 0.45 : role == Role.STUDENT ? 0.3 : 0.12;
        boolean english = random.nextDouble() < englishShare;
        boolean local = random.nextDouble() < 0.55;
        List<String> words =
            english
                ? (local
                    ? Vocabulary.DISTRICT_EN.getOrDefault(district, Vocabulary.COMMON_EN)
                    : Vocabulary.COMMON_EN)
                : (local
                    ? Vocabulary.DISTRICT_ZH.getOrDefault(district, Vocabulary.COMMON_ZH)
                    : Vocabulary.COMMON_ZH);
        text = pickSkewed(random, words);
      }
      boolean consent = random.nextDouble() >= 0.004;
      SubmissionRequest.Builder request =
          SubmissionRequest.builder(campaignId)
              .kind(kind)
              .text(text)
              .district(district)
              .channel(channel)
              .participant(new Participant(ParticipantId.of(participant), role, consent))
              .idempotencyKey("demo-" + seed + "-" + i)
              .provenance(provenance(channel, kind, district));
      collectionPoint(channel, district, random).ifPresent(request::collectionPoint);
      SubmissionRequest built = request.build();
      items.add(new Item(at, built, false));
      if (random.nextDouble() < 0.02) {
        items.add(new Item(at.plusSeconds(5 + random.nextInt(120)), built, true));
      }
    }
    items.sort(Comparator.comparing(Item::at));
    return items;
  }

  private static String pickDistrict(Random random) {
    double[] weights = {0.26, 0.11, 0.12, 0.14, 0.12, 0.10, 0.15};
    double r = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return DISTRICTS.get(i);
      }
    }
    return DISTRICTS.get(DISTRICTS.size() - 1);
  }

  private static int pickDay(Random random, double[] weights, double sum) {
    double r = random.nextDouble() * sum;
    for (int d = 0; d < weights.length; d++) {
      r -= weights[d];
      if (r < 0) {
        return d;
      }
    }
    return weights.length - 1;
  }

  private static Channel pickChannel(Random random, String district) {
    if (random.nextDouble() < 0.12) {
      return ALL_CHANNELS.get(random.nextInt(ALL_CHANNELS.size()));
    }
    double r = random.nextDouble();
    return switch (district) {
      case "yuzhong" -> r < 0.5 ? Channel.MESSAGE_BOARD : r < 0.8 ? Channel.MAILBOX : Channel.CARD;
      case "wushan" -> r < 0.75 ? Channel.INTERVIEW : Channel.CARD;
      case "fengjie" -> r < 0.7 ? Channel.EVENT : Channel.CARD;
      case "yubei" -> r < 0.6 ? Channel.EVENT : Channel.INTERVIEW;
      case "wanzhou" -> r < 0.5 ? Channel.INTERVIEW : Channel.MESSAGE_BOARD;
      case "dadukou" -> r < 0.6 ? Channel.ONLINE : Channel.CARD;
      default -> r < 0.8 ? Channel.ONLINE : Channel.MESSAGE_BOARD;
    };
  }

  private static Role pickRole(Random random, String district, Channel channel) {
    double r = random.nextDouble();
    if (channel == Channel.EVENT && district.equals("yubei") && r < 0.45) {
      return Role.EXPERT;
    }
    if (r < 0.52) {
      return Role.RESIDENT;
    }
    if (r < 0.52 + (district.equals("wushan") || district.equals("yuzhong") ? 0.3 : 0.18)) {
      return Role.VISITOR;
    }
    if (r < 0.9) {
      return Role.STUDENT;
    }
    return r < 0.97 ? Role.EXPERT : Role.OTHER;
  }

  private static Provenance provenance(Channel channel, SubmissionKind kind, String district) {
    return switch (channel) {
      case MAILBOX, CARD ->
          Provenance.enteredBy(Provenance.Source.TRANSCRIBED_CARD, "staff-" + district);
      case INTERVIEW ->
          kind == SubmissionKind.INTERVIEW_NOTE
              ? Provenance.enteredBy(Provenance.Source.INTERVIEW_NOTES, "staff-" + district)
              : Provenance.enteredBy(Provenance.Source.STAFF_ENTRY, "staff-" + district);
      default -> Provenance.direct();
    };
  }

  private static java.util.Optional<String> collectionPoint(
      Channel channel, String district, Random random) {
    return switch (channel) {
      case MESSAGE_BOARD ->
          java.util.Optional.of(
              district.equals("yuzhong")
                  ? "jiefangbei-guotai-plaza-board-" + (1 + random.nextInt(3))
                  : district + "-board-" + (1 + random.nextInt(2)));
      case MAILBOX -> java.util.Optional.of(district + "-mailbox-" + (1 + random.nextInt(4)));
      case EVENT ->
          java.util.Optional.of(
              district.equals("fengjie") ? "fengjie-plum-flower-festival" : district + "-dialogue");
      default -> java.util.Optional.empty();
    };
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Picks with a Zipf-like skew, so that some words clearly lead. */
  private static String pickSkewed(Random random, List<String> values) {
    double u = random.nextDouble();
    int index = (int) Math.floor(values.size() * u * u);
    return values.get(Math.min(values.size() - 1, index));
  }
}
