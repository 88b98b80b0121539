package dev.spirit.storage.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Submission;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The other process of the crash and locking tests, started with this JVM's java and class path.
 * Modes:
 *
 * <ul>
 *   <li>{@code write <dir> <threads>}: writes submissions from several threads (and compacts now
 *       and then) until killed, printing {@code ACK <id>} after each acknowledged insert;
 *   <li>{@code hold <dir>}: opens the store, prints {@code OPEN <pid>}, then obeys stdin lines
 *       {@code write} (prints {@code WROTE <id>}) and {@code close} (prints {@code CLOSED});
 *   <li>{@code try <dir>}: tries to open, prints {@code LOCKED <message>} or {@code OPENED};
 *   <li>{@code erase <dir> <participant> <point>}: erases the participant and, on reaching the
 *       named crash point of the erasure, prints {@code AT <point>} and waits to be killed.
 * </ul>
 */
public final class ChildProcess {
  static final int LIMIT_PER_PARTICIPANT = 1_000_000;
  private static final PrintStream OUT =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  private ChildProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "write" -> write(dir, Integer.parseInt(args[2]));
      case "hold" -> hold(dir);
      case "try" -> tryOpen(dir);
      case "erase" -> eraseAndStop(dir, args[2], args[3]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static Campaign campaignOf(FileStore store) {
    List<Campaign> campaigns = store.listCampaigns();
    return campaigns.isEmpty() ? store.insertCampaign(TckFixtures.campaign()) : campaigns.get(0);
  }

  static Submission submission(Campaign campaign, String participant) {
    String key = "k-" + java.util.UUID.randomUUID();
    return TckFixtures.submission(campaign.id(), participant)
        .idempotencyKey(Optional.of(IdempotencyKey.of(key)))
        .build();
  }

  private static void write(Path dir, int threads) throws Exception {
    FileStore store = FileStore.open(FileStoreOptions.builder(dir).segmentBytes(64 * 1024).build());
    Campaign campaign = campaignOf(store);
    OUT.println("READY");
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String participant = "p" + t;
      Thread w =
          new Thread(
              () -> {
                while (true) {
                  InsertOutcome outcome =
                      store.insert(submission(campaign, participant), LIMIT_PER_PARTICIPANT);
                  if (outcome instanceof InsertOutcome.Inserted inserted) {
                    OUT.println("ACK " + inserted.stored().id());
                  }
                }
              });
      w.start();
      writers.add(w);
    }
    while (true) {
      TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(50, 300));
      store.compact();
    }
  }

  private static void hold(Path dir) throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      Campaign campaign = campaignOf(store);
      OUT.println("OPEN " + ProcessHandle.current().pid());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("write")) {
          InsertOutcome outcome = store.insert(submission(campaign, "holder"), 1000);
          OUT.println("WROTE " + ((InsertOutcome.Inserted) outcome).stored().id());
        } else if (line.equals("close")) {
          break;
        }
      }
    }
    OUT.println("CLOSED");
  }

  private static void eraseAndStop(Path dir, String participant, String point)
      throws InterruptedException {
    FileStore.crashHook =
        reached -> {
          if (reached.equals(point)) {
            OUT.println("AT " + point);
            while (true) {
              try {
                TimeUnit.SECONDS.sleep(60);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    FileStore store = FileStore.open(FileStoreOptions.builder(dir).segmentBytes(4096).build());
    store.eraseParticipant(ParticipantId.of(participant));
    OUT.println("ERASED without reaching " + point);
    TimeUnit.SECONDS.sleep(60);
  }

  private static void tryOpen(Path dir) {
    try (FileStore store = FileStore.open(dir)) {
      OUT.println("OPENED " + store.listCampaigns().size());
    } catch (StoreLockedException e) {
      OUT.println("LOCKED " + e.holderPid().orElse(-1) + " " + e.getMessage());
    }
  }
}
