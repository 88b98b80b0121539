package dev.spirit.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit against a fake {@link GroupCommit.Target} (the boundary where the real one writes
 * and forces a segment file): what it is asked to force, when, and how often.
 */
@DisplayName("Group commit batches writers into one force per group")
class GroupCommitTest {
  private static final Path DIRECTORY = Path.of("/fake/store");

  private final RecordingTarget target = new RecordingTarget();
  private final ExecutorService writers = Executors.newCachedThreadPool();
  private GroupCommit log;

  @AfterEach
  void stop() {
    target.release();
    writers.shutdownNow();
    try {
      log.close();
    } catch (StorageException ignored) {
      // a test that makes the target fail leaves a failed log behind
    }
  }

  private static byte[] frame(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  @DisplayName("a lone writer forces its own frame at once, in one write and force")
  void loneWriterFlushesItself() {
    log = new GroupCommit(DIRECTORY, target, null, true);

    long seq = log.append(frame("a"));
    log.awaitDurable(seq);

    assertThat(target.forced()).containsExactly("a");
    assertThat(log.pendingBytes()).isZero();
  }

  @ParameterizedTest(name = "yielding {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName(
      "writers that queue while a force runs are all covered by the one next force, in order")
  void writersArrivingDuringAForceShareTheNext(boolean yieldWhileWaiting) throws Exception {
    log = new GroupCommit(DIRECTORY, target, null, yieldWhileWaiting);
    target.holdNextForce();
    Future<?> first = writers.submit(() -> log.awaitDurable(log.append(frame("0"))));
    target.awaitForceStarted();

    List<Future<?>> group = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      String name = String.valueOf(i);
      long seq = log.append(frame(name)); // queued in this order while the first force runs
      group.add(writers.submit(() -> log.awaitDurable(seq)));
    }
    target.release();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : group) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThat(target.forced()).containsExactly("0", "12345678");
  }

  @Test
  @DisplayName("a failed force is sticky: the waiter and every later call get a StorageException")
  void failureStopsTheLog() {
    log = new GroupCommit(DIRECTORY, target, null, true);
    target.failWith(new IOException("device gone"));

    long seq = log.append(frame("a"));
    assertThatThrownBy(() -> log.awaitDurable(seq))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("/fake/store")
        .hasMessageContaining("device gone");
    assertThatThrownBy(() -> log.append(frame("b"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> log.close()).isInstanceOf(StorageException.class);
    assertThat(target.closedWithTrim()).containsExactly(false);
  }

  @Test
  @DisplayName("a full disk is reported as StoreFullException")
  void diskFull() {
    log = new GroupCommit(DIRECTORY, target, null, true);
    target.failWith(new IOException("No space left on device"));

    long seq = log.append(frame("a"));
    assertThatThrownBy(() -> log.awaitDurable(seq)).isInstanceOf(StoreFullException.class);
  }

  @Test
  @DisplayName("a frame forced before a failure is still acknowledged")
  void durableBeforeFailureStaysAcknowledged() {
    log = new GroupCommit(DIRECTORY, target, null, true);
    long first = log.append(frame("a"));
    log.awaitDurable(first);
    target.failWith(new IOException("device gone"));
    long second = log.append(frame("b"));
    assertThatThrownBy(() -> log.awaitDurable(second)).isInstanceOf(StorageException.class);

    log.awaitDurable(first);
  }

  @Test
  @DisplayName("a roll forces what is queued first, then returns the target's new segment")
  void rollForcesQueuedFramesFirst() {
    log = new GroupCommit(DIRECTORY, target, null, true);
    log.append(frame("a"));
    log.append(frame("b"));

    assertThat(log.roll()).isEqualTo(2);
    assertThat(target.calls()).containsExactly("force ab", "roll");
    assertThat(log.roll()).isEqualTo(3);
  }

  @Test
  @DisplayName("close forces what is queued, closes the target trimmed, and refuses new frames")
  void closeFlushesAndRefuses() {
    log = new GroupCommit(DIRECTORY, target, null, true);
    log.append(frame("a"));

    log.close();
    log.close(); // idempotent

    assertThat(target.forced()).containsExactly("a");
    assertThat(target.closedWithTrim()).containsExactly(true);
    assertThatThrownBy(() -> log.append(frame("b")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("closed");
  }

  @Test
  @DisplayName("in ASYNC mode queued frames are forced within the window though nobody waits")
  void asyncWindowForcesWithoutWaiters() throws InterruptedException {
    log = new GroupCommit(DIRECTORY, target, Duration.ofMillis(20), true);
    log.append(frame("a"));

    assertThat(target.awaitForces(1, Duration.ofSeconds(10))).isTrue();
    assertThat(target.forced()).containsExactly("a");
  }

  @Test
  @DisplayName("in SYNC mode nothing is forced until someone waits")
  void syncForcesOnlyOnDemand() {
    log = new GroupCommit(DIRECTORY, target, null, true);
    long seq = log.append(frame("a"));
    log.append(frame("b"));

    assertThat(log.appendedSeq()).isEqualTo(seq + 1);
    assertThat(target.forced()).isEmpty();
    assertThat(log.pendingBytes()).isEqualTo(2);
  }

  /** Records each call; can hold a force until released, or fail. */
  private static final class RecordingTarget implements GroupCommit.Target {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> closes = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile IOException failure;
    private long segment = 1;

    void holdNextForce() {
      hold = new CountDownLatch(1);
    }

    void release() {
      hold.countDown();
    }

    void failWith(IOException e) {
      failure = e;
    }

    void awaitForceStarted() throws InterruptedException {
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    }

    boolean awaitForces(int n, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (forced().size() < n) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(1);
      }
      return true;
    }

    List<String> calls() {
      synchronized (calls) {
        return List.copyOf(calls);
      }
    }

    List<String> forced() {
      return calls().stream().filter(c -> c.startsWith("force ")).map(c -> c.substring(6)).toList();
    }

    List<Boolean> closedWithTrim() {
      synchronized (closes) {
        return List.copyOf(closes);
      }
    }

    @Override
    public void writeAndForce(byte[] batch, int length) throws IOException {
      started.countDown();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      IOException f = failure;
      if (f != null) {
        throw f;
      }
      if (length > 0) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(batch, 0, length);
        calls.add("force " + out.toString(StandardCharsets.US_ASCII));
      }
    }

    @Override
    public long roll() {
      calls.add("roll");
      return ++segment;
    }

    @Override
    public void close(boolean trim) {
      closes.add(trim);
    }
  }
}
