package dev.spirit.benchmarks.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.storage.file.Durability;
import dev.spirit.storage.file.FileStore;
import dev.spirit.storage.file.FileStoreOptions;
import dev.spirit.submission.Submission;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the file store's choice for erasure costs, against crypto-shredding, in one run:
 *
 * <ul>
 *   <li>{@code eraseRewrite}: {@link FileStore#eraseParticipant} of one participant (about ten
 *       submissions) in a store of {@code submissions} moderated submissions: the erasure record
 *       plus the rewrite (snapshot, delete the old files) before it returns, the chosen design;
 *   <li>{@code eraseShredKeyFile}: a model of crypto-shredding's erasure in the same store: the
 *       file of one 32-byte key per participant (10,000) rewritten without one key, forced,
 *       renamed, directory forced;
 *   <li>{@code intakeToday} and {@code intakeWithEncryption}: one ASYNC insert (no fsync wait, so
 *       the CPU work shows), as the store does it today (which the rewrite leaves unchanged), and
 *       the same insert plus an AES-GCM encryption of a record of the same shape under its
 *       participant's key (a fresh cipher and nonce each time), the least crypto-shredding adds to
 *       every intake (a model: the store does not encrypt).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ErasureBenchmark {
  private static final int PARTICIPANTS = 10_000;

  /** A store of {@code submissions} submissions by 10,000 participants. */
  @State(Scope.Benchmark)
  public static class Filled {
    @Param({"100000"})
    public int submissions;

    FileStore store;
    Path dir;
    Path keyFile;
    Map<String, byte[]> keys = new HashMap<>();
    int nextErased;

    /** Fills the store (SYNC, batches of 1,000) and writes the key file of the model. */
    @Setup(Level.Trial)
    public void fill() throws IOException {
      dir = BenchData.tempDir("erasure");
      store = FileStore.open(FileStoreOptions.builder(dir).durability(Durability.SYNC).build());
      Campaign campaign = store.insertCampaign(BenchData.campaign());
      List<Submission> batch = new ArrayList<>();
      for (int i = 0; i < submissions; i++) {
        batch.add(BenchData.moderatedSubmission(campaign));
        if (batch.size() == 1_000) {
          store.insertAll(batch, Integer.MAX_VALUE);
          batch.clear();
        }
      }
      store.insertAll(batch, Integer.MAX_VALUE);
      store.compact();
      SecureRandom random = new SecureRandom();
      for (int p = 0; p < PARTICIPANTS; p++) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        keys.put("p-" + p, key);
      }
      keyFile = dir.resolve("keys.bin");
      writeKeyFile(this);
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Trial)
    public void close() {
      store.close();
      BenchData.delete(dir);
    }
  }

  /** Writes the key file without the keys already shredded: temp file, force, rename, force dir. */
  static void writeKeyFile(Filled s) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(s.keys.size() * 64);
    for (Map.Entry<String, byte[]> e : s.keys.entrySet()) {
      byte[] id = e.getKey().getBytes(StandardCharsets.UTF_8);
      out.put((byte) id.length).put(id).put(e.getValue());
    }
    out.flip();
    Path temp = s.dir.resolve("keys.bin.tmp");
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ch.force(true);
    }
    Files.move(temp, s.keyFile, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel d = FileChannel.open(s.dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  /**
   * Erases the next participant with the store's rewrite.
   *
   * @param s the store
   * @return the number of submissions erased
   */
  @Benchmark
  public int eraseRewrite(Filled s) {
    return s.store.eraseParticipant(ParticipantId.of("p-" + (s.nextErased++ % PARTICIPANTS)));
  }

  /**
   * Shreds the next participant's key: the key file rewritten without it.
   *
   * @param s the store and key file
   * @return the keys left
   * @throws IOException if the key file cannot be written
   */
  @Benchmark
  public int eraseShredKeyFile(Filled s) throws IOException {
    s.keys.remove("p-" + (s.nextErased++ % PARTICIPANTS));
    writeKeyFile(s);
    return s.keys.size();
  }

  /** An ASYNC store for the intake comparison, with per-participant AES keys for the model. */
  @State(Scope.Benchmark)
  public static class Intake {
    FileStore store;
    Campaign campaign;
    Path dir;
    final Map<String, SecretKey> keys = new HashMap<>();
    final SecureRandom random = new SecureRandom();
    byte[] sampleJson = new byte[0];

    /** Opens a fresh store and makes the keys. */
    @Setup(Level.Trial)
    public void open() throws GeneralSecurityException {
      dir = BenchData.tempDir("erasure-intake");
      store = FileStore.open(FileStoreOptions.builder(dir).durability(Durability.ASYNC).build());
      campaign = store.insertCampaign(BenchData.campaign());
      sampleJson =
          SpiritCodec.toJson(BenchData.moderatedSubmission(campaign))
              .getBytes(StandardCharsets.UTF_8);
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      for (int p = 0; p < PARTICIPANTS; p++) {
        keys.put("p-" + p, generator.generateKey());
      }
    }

    /** Closes and deletes it. */
    @TearDown(Level.Trial)
    public void close() {
      store.close();
      BenchData.delete(dir);
    }
  }

  /**
   * One insert as the store does it.
   *
   * @param s the store
   * @return the outcome
   */
  @Benchmark
  public Object intakeToday(Intake s) {
    return s.store.insert(BenchData.moderatedSubmission(s.campaign), Integer.MAX_VALUE);
  }

  /**
   * The same insert plus an AES-GCM encryption of its JSON under its participant's key.
   *
   * @param s the store and keys
   * @return the outcome
   * @throws GeneralSecurityException if encryption fails
   */
  @Benchmark
  public Object intakeWithEncryption(Intake s) throws GeneralSecurityException {
    Submission sub = BenchData.moderatedSubmission(s.campaign);
    // a record of the same shape and size, encoded once at setup: the store encodes its own JSON
    // in both benchmarks, so only the encryption is extra here
    byte[] json = s.sampleJson;
    byte[] iv = new byte[12];
    s.random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        s.keys.get(sub.participant().id().value()),
        new GCMParameterSpec(128, iv));
    byte[] sealed = cipher.doFinal(json);
    return sealed.length + s.store.insert(sub, Integer.MAX_VALUE).hashCode();
  }
}
