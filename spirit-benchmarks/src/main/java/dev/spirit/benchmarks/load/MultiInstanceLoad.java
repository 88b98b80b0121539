package dev.spirit.benchmarks.load;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A load generator, not a JMH benchmark (intake requests go over {@link RawHttp}, one kept-alive
 * connection per client thread and instance, so the client costs little of the machine): starts 1
 * or 3 {@code spirit serve} JVMs (from the {@code spirit.jar} that {@code spirit-examples} builds)
 * on one PostgreSQL, fires kiosk submissions over HTTP from a fixed pool of client threads, and
 * reports throughput, p50/p99 latency, participant limit violations, and double decisions among
 * moderators claiming through every instance.
 *
 * <pre>
 * mvn -B -pl spirit-examples,spirit-benchmarks -am package -DskipTests
 * scripts/with-postgres.sh java -cp spirit-benchmarks/target/benchmarks.jar \
 *     dev.spirit.benchmarks.load.MultiInstanceLoad spirit-examples/target/spirit.jar 3 12000 48
 * </pre>
 *
 * Arguments: the jar, instances, submissions, client threads, and optionally the warm-up
 * submissions (default 2,000, not measured, participants of their own). PostgreSQL from {@code
 * SPIRIT_BENCH_PG_URL}; every run works in a new schema, dropped at the end. Bounded: every request
 * loop has a fixed count, every process is killed at the end.
 */
public final class MultiInstanceLoad {
  private static final String TOKEN = "load-moderator-token";
  private static final int LIMIT = 5;
  private static final int ATTEMPTS_PER_PARTICIPANT = 12;
  private static final int CLAIM_ITEMS = 1200;
  private static final String HAN = "山水城江桥雾火锅麻辣耿直热情坚韧包容开放创新勤劳朴实豪爽仗义乐观灵活精神风骨";
  private static final Pattern LISTENING =
      Pattern.compile("message board on (http://[0-9.]+:\\d+)/");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
  private static final Pattern APPROVE_FORM =
      Pattern.compile(
          "name=\"id\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"version\""
              + " value=\"(\\d+)\"><input type=\"hidden\" name=\"action\" value=\"approve\"");

  private MultiInstanceLoad() {}

  /**
   * Runs the load.
   *
   * @param args jar, instances, submissions, client threads
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int instances = Integer.parseInt(args[1]);
    int requests = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    // The JIT of a serve JVM keeps compiling for a minute or more on 2 cores: a longer warm-up
    // measures the steady state.
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : Math.min(2000, requests / 4);
    String base = System.getenv("SPIRIT_BENCH_PG_URL");
    if (base == null || base.isBlank()) {
      throw new IllegalStateException("set SPIRIT_BENCH_PG_URL (scripts/with-postgres.sh does)");
    }
    String schema = "spirit_load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql(base, "CREATE SCHEMA " + schema);
    String store = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    Path logs = Files.createTempDirectory("spirit-load");
    List<Process> processes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Spirit spirit = Spirit.builder().storeUri(store).build()) {
      Campaign intake = campaign(spirit, "load-intake", ModerationMode.POST);
      String bearer = "Bearer " + spirit.kiosks().issue("load-kiosk", Duration.ofDays(1)).token();
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        processes.add(serve(jar, store, logs.resolve("serve-" + i + ".out")));
      }
      for (int i = 0; i < instances; i++) {
        urls.add(awaitListening(processes.get(i), logs.resolve("serve-" + i + ".out")));
      }
      // Warm-up (not measured, its own participants).
      fire(pool, urls, intake, bearer, warmup, "warm", null);
      AtomicIntegerArray accepted = new AtomicIntegerArray(requests / ATTEMPTS_PER_PARTICIPANT + 1);
      long started = System.nanoTime();
      long[] latencies = fire(pool, urls, intake, bearer, requests, "p", accepted);
      double seconds = (System.nanoTime() - started) / 1e9;
      Arrays.sort(latencies);
      int participants = requests / ATTEMPTS_PER_PARTICIPANT;
      long violations = 0;
      for (int p = 0; p < participants; p++) {
        long inStore =
            spirit
                .submissions()
                .count(
                    SubmissionFilter.builder(intake.id())
                        .participant(ParticipantId.of("p-" + p))
                        .build());
        if (accepted.get(p) != LIMIT || inStore != LIMIT) {
          violations++;
        }
      }
      System.out.printf(
          "intake: %d instance(s), %d submissions from %d threads in %.2f s = %.0f/s;"
              + " p50 %.1f ms, p99 %.1f ms; limit violations %d of %d participants"
              + " (%d attempts each, limit %d)%n",
          instances,
          requests,
          threads,
          seconds,
          requests / seconds,
          latencies[latencies.length / 2] / 1e6,
          latencies[(int) (latencies.length * 0.99)] / 1e6,
          violations,
          participants,
          ATTEMPTS_PER_PARTICIPANT,
          LIMIT);
      claims(spirit, pool, urls);
    } finally {
      pool.shutdownNow();
      for (Process p : processes) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      sql(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static void claims(Spirit spirit, ExecutorService pool, List<String> urls)
      throws Exception {
    Campaign queue = campaign(spirit, "load-queue", ModerationMode.PRE);
    List<SubmissionRequest> seed = new ArrayList<>();
    for (int i = 0; i < CLAIM_ITEMS; i++) {
      seed.add(
          SubmissionRequest.builder(queue.id())
              .text(word(i))
              .kind(SubmissionKind.KEYWORD)
              .district("yuzhong")
              .channel(Channel.CARD)
              .participant(Participant.consenting("q-" + i, Role.RESIDENT))
              .build());
    }
    spirit.submitAll(seed);
    int moderators = 4 * urls.size();
    AtomicLong claimed = new AtomicLong();
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int m = 0; m < moderators; m++) {
      String url = urls.get(m % urls.size()) + "/moderate/" + queue.slug();
      running.add(pool.submit(() -> moderate(url, claimed)));
    }
    for (Future<?> f : running) {
      f.get(10, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<SubmissionId, Long> decisions;
    try (Stream<AuditEntry> s = spirit.store().streamAudit(queue.id())) {
      decisions =
          s.filter(e -> e.actor().startsWith("web-moderator-"))
              .collect(Collectors.groupingBy(AuditEntry::submissionId, Collectors.counting()));
    }
    long doubles = decisions.values().stream().filter(n -> n > 1).count();
    System.out.printf(
        "claims: %d moderators on %d instance(s) claimed %d items in %.2f s; %d decided,"
            + " %d decided twice%n",
        moderators, urls.size(), claimed.get(), seconds, decisions.size(), doubles);
  }

  private static Void moderate(String queue, AtomicLong claimed) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = get(browser, queue);
    post(browser, queue + "/login", Map.of("csrf", csrf(login), "token", TOKEN));
    for (int round = 0; round < 1000; round++) {
      String page = get(browser, queue);
      Matcher m = APPROVE_FORM.matcher(page);
      String csrf = csrf(page);
      int shown = 0;
      while (m.find()) {
        shown++;
        post(
            browser,
            queue + "/decide",
            Map.of("csrf", csrf, "id", m.group(1), "version", m.group(2), "action", "approve"));
      }
      claimed.addAndGet(shown);
      if (shown == 0) {
        break;
      }
    }
    return null;
  }

  /** Fires {@code n} submissions round-robin over the instances; returns each one's latency. */
  private static long[] fire(
      ExecutorService pool,
      List<String> urls,
      Campaign c,
      String bearer,
      int n,
      String prefix,
      AtomicIntegerArray accepted)
      throws Exception {
    long[] latencies = new long[n];
    List<Future<?>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                int participant = index % Math.max(1, n / ATTEMPTS_PER_PARTICIPANT);
                String body =
                    "{\"text\":\""
                        + word(index)
                        + "\",\"district\":\"yuzhong\",\"participant\":\""
                        + prefix
                        + "-"
                        + participant
                        + "\",\"consent\":true,\"channel\":\"message-board\","
                        + "\"collectionPoint\":\"kiosk-"
                        + (index % 50)
                        + "\"}";
                String url = urls.get(index % urls.size());
                long t0 = System.nanoTime();
                RawHttp.Response r =
                    RawHttp.forThread(url)
                        .post(
                            "/api/campaigns/" + c.id() + "/submissions",
                            Map.of(
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                bearer,
                                "Idempotency-Key",
                                prefix + "-" + index),
                            body);
                latencies[index] = System.nanoTime() - t0;
                if (r.statusCode() == 201 && accepted != null) {
                  accepted.incrementAndGet(participant);
                } else if (r.statusCode() != 201 && r.statusCode() != 422) {
                  throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    return latencies;
  }

  /** A distinct word per index, in Han characters (digits fold away in duplicate checks). */
  private static String word(int index) {
    StringBuilder s = new StringBuilder();
    int i = index;
    do {
      s.append(HAN.charAt(i % HAN.length()));
      i /= HAN.length();
    } while (i > 0);
    return s.append("城").toString();
  }

  private static Campaign campaign(Spirit spirit, String slug, ModerationMode mode) {
    Campaign c =
        spirit
            .campaigns()
            .create(
                Campaign.builder(slug)
                    .title("负载", "Load")
                    .prompt("一个词", "One word")
                    .districts("yuzhong")
                    .allChannels()
                    .rules(
                        SubmissionRules.builder()
                            .moderationMode(mode)
                            .maxPerParticipant(LIMIT)
                            .moderation(
                                ModerationSettings.defaults()
                                    .withWindow(Duration.ofHours(1), 4096, 4096))
                            .build())
                    .build());
    return spirit.campaigns().open(c.id());
  }

  private static Process serve(Path jar, String store, Path out) throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                jar.toString(),
                "serve",
                "--store",
                store,
                "--port",
                "0",
                "--moderator-token",
                TOKEN,
                "--posts-per-minute",
                "100000000")
            .redirectOutput(out.toFile())
            .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
    return b.start();
  }

  private static String awaitListening(Process p, Path out) throws Exception {
    for (int i = 0; i < 1200; i++) {
      Matcher m = LISTENING.matcher(Files.readString(out));
      if (m.find()) {
        return m.group(1);
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("spirit serve exited: see " + out);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("spirit serve not listening after 60 s: see " + out);
  }

  private static void sql(String url, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(statement); // generated names only
    }
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF field in the page");
    }
    return m.group(1);
  }

  private static String get(HttpClient client, String url) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void post(HttpClient client, String url, Map<String, String> form)
      throws Exception {
    String body =
        new HashMap<>(form)
            .entrySet().stream()
                .map(
                    e ->
                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
