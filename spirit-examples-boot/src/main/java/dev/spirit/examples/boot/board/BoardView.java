package dev.spirit.examples.boot.board;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.examples.report.WordCloud;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the public sees of a campaign: its approved submissions (the wall) and the word cloud of its
 * approved keywords and slogans, laid out by the examples' {@link WordCloud}.
 *
 * @param approvedCount how many submissions are approved
 * @param wall the newest approved submissions, newest first
 * @param cloud the cloud's words, each given by at least the minimum number of people
 */
record BoardView(int approvedCount, List<Submission> wall, List<WordCloud.PlacedWord> cloud) {
  static final int WALL_SIZE = 60;
  static final int CLOUD_WIDTH = 720;
  static final int CLOUD_HEIGHT = 360;
  private static final int CLOUD_WORDS = 50;

  BoardView {
    wall = List.copyOf(wall);
    cloud = List.copyOf(cloud);
  }

  /**
   * Reads a campaign's public view.
   *
   * @param spirit the instance
   * @param campaign the campaign
   * @param cloudMinimumPeople how many different people must have given a word for it to show: a
   *     word only one or two people gave could point at them
   */
  static BoardView of(Spirit spirit, Campaign campaign, int cloudMinimumPeople) {
    List<Submission> approved;
    try (Stream<Submission> s =
        spirit.submissions().stream(
            SubmissionFilter.builder(campaign.id()).status(SubmissionStatus.APPROVED).build())) {
      approved = s.filter(Submission::visibleToPublic).toList(); // consent to PUBLISH too
    }
    List<Submission> wall =
        new ArrayList<>(
            approved.subList(Math.max(0, approved.size() - WALL_SIZE), approved.size()));
    Collections.reverse(wall);
    return new BoardView(approved.size(), wall, cloud(approved, cloudMinimumPeople));
  }

  private static List<WordCloud.PlacedWord> cloud(List<Submission> approved, int minimumPeople) {
    // the same words as the JDK-server board's cloud: one rule for what the public may see
    return WordCloud.layout(
        WordCloud.publicTerms(approved, minimumPeople, CLOUD_WORDS), CLOUD_WIDTH, CLOUD_HEIGHT);
  }
}
