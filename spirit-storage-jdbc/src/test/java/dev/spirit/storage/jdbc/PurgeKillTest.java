package dev.spirit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.event.SpiritListener;
import dev.spirit.participant.ParticipantId;
import dev.spirit.retention.PurgeReport;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC counterpart of the file store's kill -9 erasure test: a child JVM purging many expired
 * campaigns from an H2 file database is killed with SIGKILL mid-way. Each campaign's purge is one
 * transaction, so on reopening every campaign is either purged whole or untouched, no row of a
 * removed submission is left behind, and purging again finishes the job.
 */
@DisplayName("JDBC purge killed with kill -9 mid-way")
class PurgeKillTest {
  private static final int CAMPAIGNS = 12;
  private static final int PER_CAMPAIGN = 20;
  private static final Instant CLOSED = TckFixtures.T0.plus(Duration.ofDays(1));
  private static final Instant LATER = CLOSED.plus(Duration.ofDays(3));

  @TempDir Path dir;

  private JdbcDataSource database() {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + dir.resolve("spirit").toAbsolutePath());
    return db;
  }

  @Test
  @DisplayName(
      "on reopening every campaign is purged whole or untouched, no reaction, count or unscrubbed"
          + " audit row of a removed submission is left, and purging again finishes the job")
  void killedMidPurge() throws Exception {
    seed();

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                PurgeKillTest.class.getName(),
                dir.resolve("spirit").toAbsolutePath().toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int purged = 0;
      while ((line = out.readLine()) != null && purged < 2) {
        if (line.startsWith("PURGED ")) {
          purged++;
        }
      }
      assertThat(purged).as("the child purged campaigns before it was killed").isEqualTo(2);
      child.destroyForcibly(); // SIGKILL, between or inside a campaign's transaction
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    JdbcDataSource db = database();
    int untouched;
    try (JdbcStore store = JdbcStore.open(db)) {
      untouched = assertConsistent(store, db);
      assertThat(untouched).as("the kill came before the purge was done").isPositive();
      Spirit spirit =
          Spirit.builder().store(store).clock(Clock.fixed(LATER, ZoneOffset.UTC)).build();
      PurgeReport again = spirit.retention().purgeExpired();
      assertThat(again.campaigns()).hasSize(untouched);
      assertThat(assertConsistent(store, db)).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM spirit_submissions")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM spirit_reactions")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM spirit_participant_counts")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM spirit_audit"))
          .isEqualTo((long) CAMPAIGNS * PER_CAMPAIGN);
    }
  }

  /** Campaigns closed with a one-day retention, each with submissions, reactions and audit. */
  private void seed() throws Exception {
    try (JdbcStore store = JdbcStore.open(database())) {
      for (int c = 0; c < CAMPAIGNS; c++) {
        Campaign campaign =
            store.insertCampaign(
                TckFixtures.campaign().withRetention(Optional.of(Duration.ofDays(1))));
        campaign = store.updateCampaign(campaign.moveTo(CampaignState.OPEN, TckFixtures.T0));
        campaign = store.updateCampaign(campaign.moveTo(CampaignState.CLOSED, CLOSED));
        List<Submission> batch = new ArrayList<>();
        for (int i = 0; i < PER_CAMPAIGN; i++) {
          batch.add(
              TckFixtures.submission(campaign.id(), "p-" + (i % 7))
                  .idempotencyKey(Optional.of(IdempotencyKey.of("k-" + c + "-" + i)))
                  .build());
        }
        store.insertAll(batch, 1_000);
        for (Submission s : batch) {
          store.addReaction(
              new Reaction(
                  s.id(),
                  campaign.id(),
                  ParticipantId.of("fan-" + c),
                  ReactionType.ENDORSE,
                  Optional.empty(),
                  TckFixtures.T0));
          store.appendAudit(
              new AuditEntry(
                  campaign.id(),
                  s.id(),
                  "moderator-li",
                  TckFixtures.T0,
                  SubmissionStatus.PENDING,
                  SubmissionStatus.APPROVED,
                  "reviewed " + s.id()));
        }
      }
    }
  }

  /**
   * Checks that each campaign is purged whole or untouched and no row of a removed submission
   * remains.
   *
   * @return how many campaigns are untouched
   */
  private static int assertConsistent(JdbcStore store, JdbcDataSource db) throws SQLException {
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM spirit_reactions r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM spirit_submissions s WHERE s.id = r.submission_id)"))
        .as("reactions of removed submissions")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM spirit_participant_counts p WHERE NOT EXISTS (SELECT 1 FROM"
                    + " spirit_submissions s WHERE s.campaign_id = p.campaign_id AND"
                    + " s.participant_id = p.participant_id)"))
        .as("participant counts of removed submissions")
        .isZero();
    int untouched = 0;
    List<Campaign> campaigns = store.listCampaigns();
    assertThat(campaigns).hasSize(CAMPAIGNS);
    for (Campaign c : campaigns) {
      long left = store.count(dev.spirit.storage.SubmissionFilter.all(c.id()));
      assertThat(left)
          .as("campaign %s: purged whole or untouched", c.slug())
          .isIn(0L, (long) PER_CAMPAIGN);
      List<AuditEntry> audit;
      try (var s = store.streamAudit(c.id())) {
        audit = s.toList();
      }
      assertThat(audit).hasSize(PER_CAMPAIGN);
      if (left == 0) {
        // Audit rows of removed submissions stay for the chain but say only "erased".
        assertThat(audit).extracting(AuditEntry::reason).containsOnly("erased");
      } else {
        untouched++;
        assertThat(audit).extracting(AuditEntry::reason).allMatch(r -> r.startsWith("reviewed "));
      }
    }
    return untouched;
  }

  private static long count(JdbcDataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The child: opens the database, purges every expired campaign, printing {@code PURGED <slug>}
   * after each, until killed (or done).
   *
   * @param args the database path
   */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:file:" + args[0]);
    JdbcStore store = JdbcStore.open(db);
    SpiritListener tell =
        new SpiritListener() {
          @Override
          public void onPurged(Campaign campaign, int erased) {
            out.println("PURGED " + campaign.slug());
          }
        };
    Spirit spirit =
        Spirit.builder()
            .store(store)
            .clock(Clock.fixed(LATER, ZoneOffset.UTC))
            .listener(tell)
            .build();
    spirit.retention().purgeExpired();
    out.println("DONE");
  }
}
