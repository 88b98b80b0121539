package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.storage.tck.TckFixtures;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.AuditVerification;
import dev.spirit.submission.AuditVerification.Problem;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with access to the store's directory edits, removes or swaps an audit record in a
 * segment, re-computing the frame's CRC as a deliberate editor would, so the store opens normally;
 * the hash chain must still report the first broken sequence.
 */
@DisplayName("File store: the audit chain detects records edited in the segment files")
class AuditChainTamperTest {
  @TempDir Path dir;
  private Campaign campaign;

  @BeforeEach
  void plant() {
    try (FileStore store = FileStore.open(dir)) {
      campaign = store.insertCampaign(TckFixtures.campaign());
      Submission s = TckFixtures.submission(campaign.id(), "p-1").build();
      store.insert(s, 10);
      for (int i = 1; i <= 5; i++) {
        store.appendAudit(
            new AuditEntry(
                campaign.id(),
                s.id(),
                "moderator-" + i,
                TckFixtures.T0.plusSeconds(i),
                SubmissionStatus.PENDING,
                SubmissionStatus.APPROVED,
                "reason-" + i));
      }
    }
  }

  private AuditVerification verifyReopened() {
    try (FileStore store = FileStore.open(dir);
        Stream<AuditEntry> log = store.streamAudit(campaign.id())) {
      return AuditChain.verify(log.iterator());
    }
  }

  /** The segment holding the audit frames, and where each audit frame starts and ends. */
  private record AuditFrames(Path segment, byte[] bytes, List<int[]> frames) {
    byte[] without(int index) {
      int[] f = frames.get(index);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(bytes, 0, f[0]);
      out.write(bytes, f[1], bytes.length - f[1]);
      return out.toByteArray();
    }

    byte[] replacing(int index, byte[] frame) {
      int[] f = frames.get(index);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(bytes, 0, f[0]);
      out.write(frame, 0, frame.length);
      out.write(bytes, f[1], bytes.length - f[1]);
      return out.toByteArray();
    }

    String json(int index) {
      int[] f = frames.get(index);
      return new String(
          bytes, f[0] + Frames.HEADER, f[1] - f[0] - Frames.OVERHEAD, StandardCharsets.UTF_8);
    }
  }

  private AuditFrames auditFrames() throws IOException {
    for (Path segment : StoreFiles.segments(dir)) {
      byte[] bytes = Files.readAllBytes(segment);
      List<int[]> frames = new ArrayList<>();
      List<Integer> starts = StoreFiles.frameStarts(bytes);
      for (int start : starts) {
        int n =
            ((bytes[start] & 0xff) << 24)
                | ((bytes[start + 1] & 0xff) << 16)
                | ((bytes[start + 2] & 0xff) << 8)
                | (bytes[start + 3] & 0xff);
        if (bytes[start + 8] == RecordType.AUDIT.tag) {
          frames.add(new int[] {start, start + n + Frames.OVERHEAD});
        }
      }
      if (frames.size() == 5) {
        return new AuditFrames(segment, bytes, frames);
      }
    }
    throw new AssertionError("no segment holds the five audit records");
  }

  @Test
  @DisplayName("the untouched store verifies after reopening")
  void untouched() {
    AuditVerification v = verifyReopened();
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
  }

  @Test
  @DisplayName("a reason edited in the third record (CRC re-computed) is an edit at sequence 3")
  void editedReason() throws IOException {
    AuditFrames a = auditFrames();
    String json = a.json(2);
    assertThat(json).contains("reason-3");
    byte[] forged = Frames.encode(RecordType.AUDIT, json.replace("reason-3", "reason-X"));
    Files.write(a.segment(), a.replacing(2, forged));
    assertThat(verifyReopened().firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.sequence()).isEqualTo(3);
              assertThat(b.problem()).isEqualTo(Problem.EDITED);
            });
  }

  @Test
  @DisplayName("an actor edited in the second record is an edit at sequence 2")
  void editedActor() throws IOException {
    AuditFrames a = auditFrames();
    byte[] forged =
        Frames.encode(RecordType.AUDIT, a.json(1).replace("moderator-2", "moderator-9"));
    Files.write(a.segment(), a.replacing(1, forged));
    assertThat(verifyReopened().firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.sequence()).isEqualTo(2);
              assertThat(b.problem()).isEqualTo(Problem.EDITED);
            });
  }

  @Test
  @DisplayName("the fourth record removed from the segment is reported as removed at sequence 4")
  void removed() throws IOException {
    AuditFrames a = auditFrames();
    Files.write(a.segment(), a.without(3));
    assertThat(verifyReopened().firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.sequence()).isEqualTo(4);
              assertThat(b.problem()).isEqualTo(Problem.REMOVED);
            });
  }

  @Test
  @DisplayName("the second and third records swapped are reported as reordered")
  void swapped() throws IOException {
    AuditFrames a = auditFrames();
    byte[] second = Arrays.copyOfRange(a.bytes(), a.frames().get(1)[0], a.frames().get(1)[1]);
    byte[] third = Arrays.copyOfRange(a.bytes(), a.frames().get(2)[0], a.frames().get(2)[1]);
    // equal lengths (same fields, one digit differs), so the frames swap in place
    assertThat(second.length).isEqualTo(third.length);
    byte[] swapped = a.bytes().clone();
    System.arraycopy(third, 0, swapped, a.frames().get(1)[0], third.length);
    System.arraycopy(second, 0, swapped, a.frames().get(2)[0], second.length);
    Files.write(a.segment(), swapped);
    assertThat(verifyReopened().firstBreak())
        .get()
        .satisfies(b -> assertThat(b.problem()).isEqualTo(Problem.REORDERED));
  }
}
