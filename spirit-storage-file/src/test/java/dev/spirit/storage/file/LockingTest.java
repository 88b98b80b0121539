package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.SubmissionId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("One process at a time: a second opener gets StoreLockedException naming the holder")
class LockingTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "while another process holds the store, opening it here fails naming that pid, and the"
          + " holder keeps writing unharmed")
  void otherProcessHolds() throws Exception {
    Process holder = Children.start("hold", dir);
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
      assertThat(out.readLine()).isEqualTo("OPEN " + holder.pid());

      assertThatThrownBy(() -> FileStore.open(dir))
          .isInstanceOfSatisfying(
              StoreLockedException.class,
              e -> {
                assertThat(e.holderPid()).hasValue(holder.pid());
                assertThat(e.getMessage())
                    .contains(dir.toString())
                    .contains("process " + holder.pid())
                    // says what to do instead of opening it twice
                    .contains("use a database store (jdbc:postgresql:, jdbc:mariadb:)")
                    .contains("for several processes")
                    .contains("the running server's API");
                assertThat(e).isInstanceOf(dev.spirit.error.StorageException.class);
              });

      in.write("write\n");
      in.flush();
      String wrote = out.readLine();
      assertThat(wrote).startsWith("WROTE ");
      in.write("close\n");
      in.flush();
      assertThat(out.readLine()).isEqualTo("CLOSED");
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(holder.exitValue()).isZero();

      try (FileStore store = FileStore.open(dir)) {
        assertThat(store.find(SubmissionId.parse(wrote.substring(6)))).isPresent();
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  @DisplayName(
      "while this process holds the store, another process fails to open it, naming this pid, and"
          + " this store keeps working")
  void thisProcessHolds() throws Exception {
    try (FileStore store = FileStore.open(dir)) {
      var campaign = ChildProcess.campaignOf(store);
      Process other = Children.start("try", dir);
      String line;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
        line = out.readLine();
      }
      assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(line)
          .startsWith("LOCKED " + ProcessHandle.current().pid())
          .contains("is already open in process " + ProcessHandle.current().pid());

      store.insert(ChildProcess.submission(campaign, "p"), 10);
      assertThat(store.count(SubmissionFilter.all(campaign.id()))).isEqualTo(1);
    }
    try (FileStore reopened = FileStore.open(dir)) {
      assertThat(reopened.listCampaigns()).hasSize(1);
    }
  }

  @Test
  @DisplayName("opening the same directory twice in one JVM fails the second time, not the first")
  void sameJvm() {
    try (FileStore first = FileStore.open(dir)) {
      var campaign = ChildProcess.campaignOf(first);
      assertThatThrownBy(() -> FileStore.open(dir))
          .isInstanceOfSatisfying(
              StoreLockedException.class,
              e -> assertThat(e.holderPid()).hasValue(ProcessHandle.current().pid()));
      first.insert(ChildProcess.submission(campaign, "p"), 10);
    }
    FileStore.open(dir).close();
  }

  @Test
  @DisplayName("a process killed with kill -9 leaves no lock behind")
  void killedHolderReleases() throws Exception {
    Process holder = Children.start("hold", dir);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).startsWith("OPEN ");
      holder.destroyForcibly();
      assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.listCampaigns()).hasSize(1);
    }
  }
}
