package dev.spirit.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spirit.Spirit;
import dev.spirit.aggregation.OpenDataStats;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.SpiritException;
import dev.spirit.error.StorageException;
import dev.spirit.examples.report.WordCloud;
import dev.spirit.examples.web.Problems.FieldError;
import dev.spirit.kiosk.KioskAuthenticationException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.review.ReviewDecision;
import dev.spirit.review.ReviewFilter;
import dev.spirit.review.ReviewQueue;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.text.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web message board, on the JDK's {@link HttpServer}.
 *
 * <ul>
 *   <li>{@code GET /c/SLUG}: the public page (form, wall, live word cloud, "report this");
 *   <li>{@code GET /c/SLUG/cloud.json}: the word cloud's words with their layout;
 *   <li>{@code GET /moderate/SLUG}: the review queue, after signing in with the moderator token;
 *   <li>{@code POST /api/campaigns/ID/submissions}: JSON intake for kiosks, with the kiosk's bearer
 *       token ({@code Authorization: Bearer spk_...}, issued by {@code spirit kiosk issue}) and an
 *       {@code Idempotency-Key} header; a missing, forged, revoked or expired token gets 401 with
 *       its reason.
 * </ul>
 *
 * <p>Forms carry a per-session CSRF token; bodies over the limit get 413; posts over the per-client
 * rate get 429; every user text is HTML-escaped, and a strict Content-Security-Policy forbids
 * inline scripts besides. Errors of the JSON API (and of any request that accepts JSON) are RFC
 * 9457 problem details ({@link Problems}) listing every input error; a store that is unavailable
 * gives 503, with nothing acknowledged that was not stored.
 *
 * <p>The moderator queue claims what it shows: each signed-in moderator gets their own page of
 * items with a review lease ({@link ReviewQueue#claimNext}), renewed on reload, decided with the
 * lease, and released on sign-out; two moderators never see, let alone decide, the same item.
 */
public final class MessageBoard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MessageBoard.class);
  private static final String SESSION_COOKIE = "spirit_session";
  private static final String VISITOR_COOKIE = "spirit_visitor";
  private static final Pattern CAMPAIGN_PAGE = Pattern.compile("/c/([a-z0-9-]{1,64})");
  private static final Pattern CAMPAIGN_ACTION =
      Pattern.compile("/c/([a-z0-9-]{1,64})/(submit|report|appeal|cloud\\.json)");
  private static final Pattern MODERATE =
      Pattern.compile("/moderate/([a-z0-9-]{1,64})(/login|/decide|/logout)?");
  private static final Pattern API =
      Pattern.compile("/api/campaigns/([A-Za-z0-9-]{1,64})/submissions");
  private static final int WALL_SIZE = 60;
  private static final int QUEUE_PAGE = 50;

  /**
   * The default body limit: the longest text Spirit takes ({@link Texts#MAX_CODE_POINTS} code
   * points) in its most expensive encoding (a supplementary character is 4 UTF-8 bytes, 12 bytes
   * form-encoded as {@code %XX} each or JSON-escaped as a surrogate pair {@code \\uXXXX\\uXXXX}),
   * plus 4 KiB for the other fields.
   */
  public static final int DEFAULT_MAX_BODY_BYTES = Texts.MAX_CODE_POINTS * 12 + 4096;

  private final Spirit spirit;
  private final String moderatorToken;
  private final int maxBodyBytes;
  private final int cloudMinimumPeople;
  private final RateLimiter postLimiter;
  private final RateLimiter reporterLimiter;
  private final Pseudonyms pseudonyms;
  private final RateLimiter reportNetworkLimiter;
  private final Duration leaseDuration;
  private final ReviewQueue queue;
  private final Sessions sessions = new Sessions(10_000);
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;

  private MessageBoard(Builder b, Spirit spirit) throws IOException {
    this.spirit = spirit;
    this.moderatorToken = b.moderatorToken;
    this.maxBodyBytes = b.maxBodyBytes;
    this.cloudMinimumPeople = b.cloudMinimumPeople;
    this.postLimiter = new RateLimiter(b.postsPerMinute);
    this.reporterLimiter = new RateLimiter(b.reportsPerMinute);
    this.pseudonyms = new Pseudonyms(b.pseudonymKey, b.pseudonymEpoch, spirit.clock());
    // A network holds many people (a campus, a carrier's NAT): a looser limit, but one that new
    // cookies do not reset.
    this.reportNetworkLimiter = new RateLimiter(b.reportsPerMinute * 10);
    this.leaseDuration = b.reviewLease;
    this.queue = new ReviewQueue(spirit, b.reviewLease);
    this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 64);
    // Enough threads for intake to combine concurrent submissions into batches (most of a
    // request's time is spent waiting for its batch's commit, not on a processor).
    this.executor = Executors.newFixedThreadPool(32);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Starts configuring a board.
   *
   * @param spirit the Spirit instance it serves (not closed by the board)
   * @return a builder
   */
  public static Builder builder(Spirit spirit) {
    return new Builder(spirit);
  }

  /**
   * The port the board listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The board's base URL.
   *
   * @return e.g. {@code http://127.0.0.1:8080}
   */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** Stops the server (the Spirit instance stays open). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- routing --------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try {
      route(ex);
    } catch (StorageException e) {
      // The store went away: nothing was acknowledged, so the client may retry (the kiosk API
      // with the same Idempotency-Key, which never stores twice).
      LOG.warn("request {} {}: store unavailable", ex.getRequestMethod(), ex.getRequestURI(), e);
      ex.getResponseHeaders().set("Retry-After", "5");
      sendError(ex, 503, "store-unavailable", "存储暂不可用，请稍后重试 · Storage unavailable, retry shortly");
    } catch (RuntimeException e) {
      LOG.warn("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
      sendError(ex, 500, "server-error", "服务器错误 · Server error");
    } finally {
      ex.close();
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    boolean get = method.equals("GET") || method.equals("HEAD");
    boolean post = method.equals("POST");
    if (post && !postLimiter.tryAcquire(client(ex), System.nanoTime())) {
      ex.getResponseHeaders().set("Retry-After", "60");
      sendError(ex, 429, "rate-limited", "请求过于频繁 · Too many requests, please wait a minute");
      return;
    }
    Matcher page = CAMPAIGN_PAGE.matcher(path);
    Matcher action = CAMPAIGN_ACTION.matcher(path);
    Matcher moderate = MODERATE.matcher(path);
    Matcher api = API.matcher(path);
    if (get && path.equals("/")) {
      List<Campaign> open =
          spirit.campaigns().list().stream().filter(c -> c.state() == CampaignState.OPEN).toList();
      Http.send(ex, 200, "text/html; charset=utf-8", Pages.index(open));
    } else if (get && path.startsWith("/static/")) {
      serveStatic(ex, path.substring("/static/".length()));
    } else if (get && page.matches()) {
      withCampaign(ex, page.group(1), c -> campaignPage(ex, c));
    } else if (action.matches()) {
      String verb = action.group(2);
      if (get && verb.equals("cloud.json")) {
        withCampaign(ex, action.group(1), c -> cloudJson(ex, c));
      } else if (post && verb.equals("submit")) {
        withCampaign(ex, action.group(1), c -> submitForm(ex, c));
      } else if (post && verb.equals("report")) {
        withCampaign(ex, action.group(1), c -> reportForm(ex, c));
      } else if (post && verb.equals("appeal")) {
        withCampaign(ex, action.group(1), c -> appealForm(ex, c));
      } else {
        sendError(ex, 405, "method-not-allowed", "方法不允许 · Method not allowed");
      }
    } else if (moderate.matches()) {
      String sub = moderate.group(2);
      if (get && sub == null) {
        withCampaign(ex, moderate.group(1), c -> moderatePage(ex, c));
      } else if (post && "/login".equals(sub)) {
        withCampaign(ex, moderate.group(1), c -> login(ex, c));
      } else if (post && "/decide".equals(sub)) {
        withCampaign(ex, moderate.group(1), c -> decide(ex, c));
      } else if (post && "/logout".equals(sub)) {
        withCampaign(ex, moderate.group(1), c -> logout(ex, c));
      } else {
        sendError(ex, 405, "method-not-allowed", "方法不允许 · Method not allowed");
      }
    } else if (api.matches()) {
      if (!post) {
        ex.getResponseHeaders().set("Allow", "POST");
        sendProblem(ex, 405, "method-not-allowed", "use POST", List.of());
        return;
      }
      Optional<KioskCredential> kiosk = authenticateKiosk(ex);
      if (kiosk.isEmpty()) {
        return;
      }
      Optional<Campaign> c = campaign(api.group(1));
      if (c.isEmpty()) {
        sendProblem(
            ex,
            404,
            "campaign-not-found",
            "no campaign '" + api.group(1) + "'",
            List.of(new FieldError("campaign", "no campaign with this id or slug")));
      } else {
        apiSubmit(ex, c.get(), kiosk.get());
      }
    } else {
      sendError(ex, 404, "not-found", "页面不存在 · Not found");
    }
  }

  private interface CampaignHandler {
    void handle(Campaign campaign) throws IOException;
  }

  private void withCampaign(HttpExchange ex, String slug, CampaignHandler handler)
      throws IOException {
    Optional<Campaign> c = spirit.campaigns().bySlug(slug);
    if (c.isEmpty()) {
      sendError(ex, 404, "campaign-not-found", "活动不存在 · No such campaign");
    } else {
      handler.handle(c.get());
    }
  }

  private Optional<Campaign> campaign(String ref) {
    // An id first when the reference reads as one (the kiosk API's form): one indexed look-up.
    try {
      Optional<Campaign> byId = spirit.campaigns().find(CampaignId.parse(ref));
      if (byId.isPresent()) {
        return byId;
      }
    } catch (SpiritException | IllegalArgumentException notAnId) {
      // a slug
    }
    return spirit.campaigns().bySlug(ref);
  }

  // ---- public pages ---------------------------------------------------------------------------

  private void campaignPage(HttpExchange ex, Campaign c) throws IOException {
    Sessions.Session session = session(ex);
    String visitor = visitor(ex);
    List<Submission> approved = approved(c);
    List<Submission> wall =
        new ArrayList<>(
            approved.subList(Math.max(0, approved.size() - WALL_SIZE), approved.size()));
    Collections.reverse(wall);
    List<Submission> appealable;
    try (Stream<Submission> s =
        spirit.submissions().stream(
            SubmissionFilter.builder(c.id())
                .participant(ParticipantId.of(visitor))
                .status(SubmissionStatus.HIDDEN, SubmissionStatus.REJECTED)
                .build())) {
      appealable = s.filter(x -> !x.appealed()).limit(20).toList();
    }
    Http.send(
        ex,
        200,
        "text/html; charset=utf-8",
        Pages.campaign(
            c,
            wall,
            approved.size(),
            cloud(approved),
            appealable,
            session.csrf,
            session.takeFlash()));
  }

  private List<Submission> approved(Campaign c) {
    try (Stream<Submission> s =
        spirit.submissions().stream(
            SubmissionFilter.builder(c.id()).status(SubmissionStatus.APPROVED).build())) {
      // Approved and allowed to be published: consent without PUBLISH (or withdrawn) stays off.
      return s.filter(Submission::visibleToPublic).toList();
    }
  }

  private List<WordCloud.PlacedWord> cloud(List<Submission> approved) {
    return WordCloud.layout(
        WordCloud.publicTerms(approved, cloudMinimumPeople, Pages.CLOUD_WORDS),
        Pages.CLOUD_WIDTH,
        Pages.CLOUD_HEIGHT);
  }

  private void cloudJson(HttpExchange ex, Campaign c) throws IOException {
    List<Submission> approved = approved(c);
    ObjectNode root = json.createObjectNode();
    root.put("approved", approved.size());
    ArrayNode words = root.putArray("words");
    for (WordCloud.PlacedWord w : cloud(approved)) {
      words
          .addObject()
          .put("text", w.text())
          .put("count", w.count())
          .put("x", w.x())
          .put("y", w.y())
          .put("size", w.size())
          .put("color", w.color());
    }
    sendJson(ex, 200, root);
  }

  private void submitForm(HttpExchange ex, Campaign c) throws IOException {
    Optional<Map<String, String>> form = checkedForm(ex);
    if (form.isEmpty()) {
      return;
    }
    Sessions.Session session = session(ex);
    String visitor = visitor(ex);
    Map<String, String> f = form.get();
    try {
      Receipt receipt =
          spirit.submit(
              SubmissionRequest.builder(c.id())
                  .text(f.getOrDefault("text", ""))
                  .kind(SubmissionKind.parse(f.getOrDefault("kind", "keyword")))
                  .district(f.getOrDefault("district", ""))
                  .channel(Channel.ONLINE)
                  .participant(
                      ConsentFields.participant(
                          c,
                          ParticipantId.of(visitor),
                          Role.parse(f.getOrDefault("role", "other")),
                          "yes".equals(f.get("consent")),
                          f.get("consentVersion"),
                          ConsentFields.BOARD_PURPOSES,
                          spirit.clock().instant()))
                  .build());
      if (receipt instanceof Receipt.Accepted a) {
        session.flash =
            a.status() == SubmissionStatus.APPROVED
                ? "谢谢！已发布 · Thank you! Your words are on the wall."
                : "谢谢！审核后发布 · Thank you! Your words will appear after review.";
      } else {
        session.flash =
            "未能提交 · Not submitted: "
                + ((Receipt.Rejected) receipt)
                    .reasons().stream().map(Rejection::message).collect(Collectors.joining("; "));
      }
    } catch (StorageException e) {
      throw e;
    } catch (SpiritException e) {
      session.flash = "未能提交 · Not submitted: " + e.getMessage();
    }
    Http.redirect(ex, "/c/" + c.slug());
  }

  private void reportForm(HttpExchange ex, Campaign c) throws IOException {
    Optional<Map<String, String>> form = checkedForm(ex);
    if (form.isEmpty()) {
      return;
    }
    Sessions.Session session = session(ex);
    String visitor = visitor(ex);
    long now = System.nanoTime();
    if (!reporterLimiter.tryAcquire(visitor, now)
        || !reportNetworkLimiter.tryAcquire(networkOf(ex), now)) {
      ex.getResponseHeaders().set("Retry-After", "60");
      sendError(ex, 429, "rate-limited", "举报过于频繁 · Too many reports, please wait a minute");
      return;
    }
    Optional<Submission> s = ownSubmission(form.get(), c);
    if (s.isEmpty()) {
      sendError(ex, 404, "submission-not-found", "找不到这条留言 · No such submission");
      return;
    }
    try {
      boolean first =
          spirit.review().report(s.get().id(), ParticipantId.of(visitor), "reported on the board");
      session.flash =
          first
              ? "已举报，审核员会查看 · Reported — a moderator will look at it."
              : "你已经举报过了 · You already reported this.";
    } catch (StorageException e) {
      throw e;
    } catch (SpiritException e) {
      session.flash = "无法举报 · Could not report: " + e.getMessage();
    }
    Http.redirect(ex, "/c/" + c.slug());
  }

  private void appealForm(HttpExchange ex, Campaign c) throws IOException {
    Optional<Map<String, String>> form = checkedForm(ex);
    if (form.isEmpty()) {
      return;
    }
    Sessions.Session session = session(ex);
    String visitor = visitor(ex);
    Optional<Submission> s = ownSubmission(form.get(), c);
    if (s.isEmpty()) {
      sendError(ex, 404, "submission-not-found", "找不到这条留言 · No such submission");
      return;
    }
    String reason = form.get().getOrDefault("reason", "").strip();
    try {
      spirit
          .review()
          .appeal(
              s.get().id(),
              ParticipantId.of(visitor),
              reason.isEmpty() ? "appealed on the board" : reason);
      session.flash = "已申诉，审核员会重新查看 · Appeal sent — a moderator will review it again.";
    } catch (StorageException e) {
      throw e;
    } catch (SpiritException e) {
      session.flash = "无法申诉 · Could not appeal: " + e.getMessage();
    }
    Http.redirect(ex, "/c/" + c.slug());
  }

  /** The submission a form's {@code id} names, if it exists and belongs to the campaign. */
  private Optional<Submission> ownSubmission(Map<String, String> form, Campaign c) {
    SubmissionId id;
    try {
      id = SubmissionId.parse(form.getOrDefault("id", ""));
    } catch (SpiritException | IllegalArgumentException notAnId) {
      return Optional.empty();
    }
    return spirit.submissions().find(id).filter(s -> s.campaignId().equals(c.id()));
  }

  private static String networkOf(HttpExchange ex) {
    InetSocketAddress remote = ex.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : NetworkPrefix.of(remote.getAddress());
  }

  // ---- moderation -----------------------------------------------------------------------------

  private void moderatePage(HttpExchange ex, Campaign c) throws IOException {
    Sessions.Session session = session(ex);
    String me = session.moderatorName;
    if (me == null) {
      Http.send(
          ex, 200, "text/html; charset=utf-8", Pages.login(c, session.csrf, session.takeFlash()));
      return;
    }
    Map<String, Long> reports = new HashMap<>();
    try (Stream<dev.spirit.submission.Reaction> r = spirit.store().streamReactions(c.id())) {
      r.filter(x -> x.type() == ReactionType.REPORT)
          .forEach(x -> reports.merge(x.submissionId().toString(), 1L, Long::sum));
    }
    List<Submission> mine = heldItems(session, c);
    List<Submission> pending =
        mine.stream().filter(x -> x.status() == SubmissionStatus.PENDING).toList();
    List<Submission> reported = new ArrayList<>();
    mine.stream().filter(x -> x.status() == SubmissionStatus.HIDDEN).forEach(reported::add);
    // Published items with reports are not in the review queue (nothing to claim): a moderator may
    // still take them down or reject them, as before.
    try (Stream<Submission> s =
        spirit.submissions().stream(
            SubmissionFilter.builder(c.id()).status(SubmissionStatus.APPROVED).build())) {
      s.filter(x -> reports.containsKey(x.id().toString())).limit(200).forEach(reported::add);
    }
    long waiting = queue.count(queueFilter(c));
    Http.send(
        ex,
        200,
        "text/html; charset=utf-8",
        Pages.moderate(
            c,
            pending,
            reported,
            reports,
            waiting - mine.size(),
            me,
            session.csrf,
            session.takeFlash()));
  }

  private static ReviewFilter queueFilter(Campaign c) {
    return ReviewFilter.builder(c.id())
        .status(SubmissionStatus.PENDING, SubmissionStatus.HIDDEN)
        .build();
  }

  /**
   * The items of a campaign this session's moderator holds: its live leases (renewed once past half
   * their time, so a page left open keeps them while a reload does not churn versions), topped up
   * with newly claimed free items to a page of {@value #QUEUE_PAGE}.
   */
  private List<Submission> heldItems(Sessions.Session session, Campaign c) {
    String me = java.util.Objects.requireNonNull(session.moderatorName);
    Instant now = spirit.clock().instant();
    List<Submission> mine = new ArrayList<>();
    for (SubmissionId id : List.copyOf(session.held)) {
      Optional<Submission> found = spirit.submissions().find(id);
      if (found.isEmpty()) {
        session.held.remove(id);
        continue;
      }
      Submission s = found.get();
      if (!s.campaignId().equals(c.id())) {
        continue; // held in another campaign's queue
      }
      boolean live =
          s.reviewLease().map(l -> l.moderator().equals(me) && l.isActiveAt(now)).orElse(false);
      if (!live
          || (s.status() != SubmissionStatus.PENDING && s.status() != SubmissionStatus.HIDDEN)) {
        session.held.remove(id);
        continue;
      }
      Instant expires = s.reviewLease().orElseThrow().expiresAt();
      if (Duration.between(now, expires).compareTo(leaseDuration.dividedBy(2)) < 0) {
        try {
          s = queue.renew(id, me);
        } catch (StorageException e) {
          throw e;
        } catch (SpiritException lost) {
          session.held.remove(id);
          continue;
        }
      }
      mine.add(s);
    }
    int room = QUEUE_PAGE - mine.size();
    if (room > 0) {
      for (Submission s : queue.claimNext(queueFilter(c), me, room)) {
        session.held.add(s.id());
        mine.add(s);
      }
    }
    mine.sort(Comparator.comparing(Submission::id));
    return mine;
  }

  private void login(HttpExchange ex, Campaign c) throws IOException {
    Optional<Map<String, String>> form = checkedForm(ex);
    if (form.isEmpty()) {
      return;
    }
    Sessions.Session session = session(ex);
    String given = form.get().getOrDefault("token", "");
    if (MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), moderatorToken.getBytes(StandardCharsets.UTF_8))) {
      session.signInModerator();
    } else {
      session.flash = "口令不对 · Wrong token";
    }
    Http.redirect(ex, "/moderate/" + c.slug());
  }

  private void logout(HttpExchange ex, Campaign c) throws IOException {
    Optional<Map<String, String>> form = checkedForm(ex);
    if (form.isEmpty()) {
      return;
    }
    Sessions.Session session = session(ex);
    String me = session.moderatorName;
    if (me != null) {
      int released = 0;
      for (SubmissionId id : List.copyOf(session.held)) {
        try {
          queue.release(id, me);
          released++;
        } catch (StorageException e) {
          throw e;
        } catch (SpiritException gone) {
          // Decided, erased or taken over after the lease lapsed: nothing of ours to release.
          LOG.debug("not releasing {}: {}", id, gone.getMessage());
        }
        session.held.remove(id);
      }
      session.moderatorName = null;
      session.flash = "已退出，释放 " + released + " 条 · Signed out, released " + released;
    }
    Http.redirect(ex, "/moderate/" + c.slug());
  }

  private void decide(HttpExchange ex, Campaign c) throws IOException {
    Optional<Map<String, String>> form = checkedForm(ex);
    if (form.isEmpty()) {
      return;
    }
    Sessions.Session session = session(ex);
    String me = session.moderatorName;
    if (me == null) {
      sendError(ex, 403, "moderators-only", "需要审核权限 · Moderators only");
      return;
    }
    Map<String, String> f = form.get();
    Optional<ReviewDecision> decision =
        switch (f.getOrDefault("action", "")) {
          case "approve" -> Optional.of(ReviewDecision.APPROVE);
          case "reject" -> Optional.of(ReviewDecision.REJECT);
          case "hide" -> Optional.of(ReviewDecision.HIDE);
          default -> Optional.empty();
        };
    try {
      SubmissionId id = SubmissionId.parse(f.getOrDefault("id", ""));
      long version = Long.parseLong(f.getOrDefault("version", "-1"));
      Optional<Submission> s = spirit.submissions().find(id);
      if (decision.isEmpty() || s.isEmpty() || !s.get().campaignId().equals(c.id())) {
        session.flash = "无效操作 · Invalid action";
      } else {
        Submission decided;
        if (s.get().status() == SubmissionStatus.APPROVED) {
          // A published item someone reported: not in the lease queue (see moderatePage).
          decided =
              spirit
                  .review()
                  .changeStatus(id, version, decision.get().target(), me, "decided on the board");
        } else {
          decided = queue.decide(id, version, me, decision.get(), "decided on the board");
          session.held.remove(id);
        }
        session.flash = "已更新 · Updated: " + decided.status().name().toLowerCase(Locale.ROOT);
      }
    } catch (StorageException e) {
      throw e;
    } catch (SpiritException | IllegalArgumentException e) {
      session.flash = "未更新 · Not changed: " + e.getMessage();
    }
    Http.redirect(ex, "/moderate/" + c.slug());
  }

  // ---- JSON API -------------------------------------------------------------------------------

  /**
   * The kiosk sending an API request, from its {@code Authorization: Bearer} token; answers 401
   * with the reason (missing, malformed, unknown or forged, revoked, expired) and returns empty if
   * the token is not accepted.
   */
  private Optional<KioskCredential> authenticateKiosk(HttpExchange ex) throws IOException {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    String reason;
    String message;
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      reason = "missing";
      message = "send the kiosk's token as Authorization: Bearer spk_...";
    } else {
      try {
        return Optional.of(spirit.kiosks().authenticate(header.substring(7).trim()));
      } catch (KioskAuthenticationException e) {
        reason = e.reason().name().toLowerCase(Locale.ROOT);
        message = String.valueOf(e.getMessage());
      }
    }
    ex.getResponseHeaders()
        .set("WWW-Authenticate", "Bearer realm=\"spirit-kiosk\", error=\"invalid_token\"");
    sendProblem(
        ex,
        401,
        "kiosk-token-" + reason,
        "the kiosk token was not accepted: " + reason,
        List.of(new FieldError("Authorization", message, Optional.of(reason))));
    return Optional.empty();
  }

  private void apiSubmit(HttpExchange ex, Campaign c, KioskCredential kiosk) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      sendProblem(
          ex,
          415,
          "unsupported-media-type",
          "send application/json",
          List.of(new FieldError("Content-Type", "must be application/json, was " + type)));
      return;
    }
    byte[] body;
    try {
      body = Http.body(ex, maxBodyBytes);
    } catch (Http.TooLarge e) {
      sendProblem(
          ex,
          413,
          "too-large",
          "the body may hold at most " + maxBodyBytes + " bytes",
          List.of(new FieldError("body", "longer than " + maxBodyBytes + " bytes")));
      return;
    }
    // Every input error at once: the header, then the body's fields.
    List<FieldError> errors = new ArrayList<>();
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    if (key == null || key.isBlank()) {
      errors.add(
          new FieldError(
              "Idempotency-Key",
              "send an Idempotency-Key header (one per submission, the same on every retry)",
              Optional.of("idempotency-key-required")));
    }
    JsonNode node = null;
    try {
      node = json.readTree(body);
    } catch (IOException e) {
      errors.add(new FieldError("body", "is not valid JSON", Optional.of("malformed-json")));
    }
    if (node != null && !node.isObject()) {
      errors.add(new FieldError("body", "must be a JSON object", Optional.of("malformed-json")));
      node = null;
    }
    SubmissionRequest.Builder request = SubmissionRequest.builder(c.id());
    if (node != null) {
      fillRequest(node, request, errors, kiosk.name(), c, spirit.clock().instant());
    }
    if (!errors.isEmpty()) {
      sendProblem(ex, 400, "invalid-request", errors.size() + " input error(s)", errors);
      return;
    }
    Receipt receipt = spirit.submit(request.idempotencyKey(key.trim()).build());
    if (receipt instanceof Receipt.Accepted a) {
      ObjectNode ok = json.createObjectNode();
      ok.put("id", a.id().toString());
      ok.put("status", a.status().name().toLowerCase(Locale.ROOT));
      ok.put("replayed", a.replayed());
      sendJson(ex, a.replayed() ? 200 : 201, ok);
      return;
    }
    Receipt.Rejected rejected = (Receipt.Rejected) receipt;
    List<FieldError> reasons = new ArrayList<>();
    for (Rejection r : rejected.reasons()) {
      reasons.add(
          new FieldError(
              r.field(), r.message(), Optional.of(r.code().name().toLowerCase(Locale.ROOT))));
    }
    // The same key with other content: the request conflicts with what is stored (RFC 9110).
    boolean conflict = rejected.has(RejectionCode.IDEMPOTENCY_CONFLICT);
    sendProblem(
        ex,
        conflict ? 409 : 422,
        conflict ? "idempotency-conflict" : "submission-refused",
        conflict
            ? "this Idempotency-Key was used for a different submission"
            : "the submission was refused: " + reasons.size() + " reason(s)",
        reasons);
  }

  /** Sets each field of the request from the JSON, collecting every field's error. */
  private static void fillRequest(
      JsonNode node,
      SubmissionRequest.Builder request,
      List<FieldError> errors,
      String kioskName,
      Campaign campaign,
      Instant now) {
    field(errors, "text", () -> request.text(text(node, "text", "")));
    field(errors, "kind", () -> request.kind(SubmissionKind.parse(text(node, "kind", "keyword"))));
    field(errors, "district", () -> request.district(text(node, "district", "")));
    field(errors, "channel", () -> request.channel(Channel.parse(text(node, "channel", "online"))));
    JsonNode consent = node.path("consent");
    if (!consent.isMissingNode() && !consent.isNull() && !consent.isBoolean()) {
      errors.add(new FieldError("consent", "must be true or false"));
    }
    Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
    JsonNode listed = node.path("purposes");
    if (listed.isArray()) {
      listed.forEach(
          p -> field(errors, "purposes", () -> purposes.add(ConsentPurpose.parse(p.asText()))));
    } else if (!listed.isMissingNode() && !listed.isNull()) {
      errors.add(
          new FieldError("purposes", "must be a list such as [\"publish\", \"statistics\"]"));
    }
    if (purposes.isEmpty()) {
      purposes.addAll(EnumSet.allOf(ConsentPurpose.class));
    }
    String version = node.hasNonNull("consentVersion") ? node.get("consentVersion").asText() : null;
    field(
        errors,
        "participant",
        () ->
            request.participant(
                ConsentFields.participant(
                    campaign,
                    ParticipantId.of(text(node, "participant", "")),
                    Role.parse(text(node, "role", "other")),
                    consent.asBoolean(false),
                    version,
                    purposes,
                    now)));
    if (node.hasNonNull("language")) {
      field(errors, "language", () -> request.language(Language.of(text(node, "language", ""))));
    }
    if (node.hasNonNull("collectionPoint")) {
      field(
          errors,
          "collectionPoint",
          () -> request.collectionPoint(text(node, "collectionPoint", "")));
    } else {
      field(errors, "collectionPoint", () -> request.collectionPoint(kioskName));
    }
  }

  private static String text(JsonNode node, String field, String absent) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isTextual()) {
      throw new InvalidInputException(field, "must be a string");
    }
    return v.asText();
  }

  private static void field(List<FieldError> errors, String field, Runnable set) {
    try {
      set.run();
    } catch (InvalidInputException e) {
      errors.add(new FieldError(e.field(), String.valueOf(e.getMessage())));
    } catch (SpiritException | IllegalArgumentException e) {
      errors.add(new FieldError(field, String.valueOf(e.getMessage())));
    }
  }

  private void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
    Http.send(ex, status, "application/json; charset=utf-8", json.writeValueAsString(body));
  }

  private static void sendProblem(
      HttpExchange ex, int status, String type, String detail, List<FieldError> errors)
      throws IOException {
    Http.send(ex, status, Problems.MEDIA_TYPE, Problems.json(status, type, detail, errors));
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Reads a form POST, enforcing the size limit and the session's CSRF token. */
  private Optional<Map<String, String>> checkedForm(HttpExchange ex) throws IOException {
    byte[] body;
    try {
      body = Http.body(ex, maxBodyBytes);
    } catch (Http.TooLarge e) {
      sendError(
          ex, 413, "too-large", "内容太长 · Request too large (at most " + maxBodyBytes + " bytes)");
      return Optional.empty();
    }
    Map<String, String> form = Http.form(body);
    Optional<Sessions.Session> session =
        sessions.find(Http.cookie(ex, SESSION_COOKIE).orElse(null));
    if (session.isEmpty() || !session.get().csrfMatches(form.get("csrf"))) {
      sendError(ex, 403, "csrf", "页面已过期，请刷新后重试 · The form expired; reload the page and try again");
      return Optional.empty();
    }
    return Optional.of(form);
  }

  private Sessions.Session session(HttpExchange ex) {
    Optional<Sessions.Session> existing =
        sessions.find(Http.cookie(ex, SESSION_COOKIE).orElse(null));
    if (existing.isPresent()) {
      return existing.get();
    }
    Sessions.Session created = sessions.create();
    ex.getResponseHeaders()
        .add(
            "Set-Cookie",
            SESSION_COOKIE + "=" + created.id + "; Path=/; HttpOnly; SameSite=Strict");
    return created;
  }

  /**
   * The visitor's pseudonymous participant id, from their signed {@code spirit_visitor} cookie
   * ({@link Pseudonyms}): re-signed when its key epoch has passed, issued afresh when absent,
   * forged or too old. Call once per request.
   */
  private String visitor(HttpExchange ex) {
    Pseudonyms.Verified v =
        pseudonyms.verify(Http.cookie(ex, VISITOR_COOKIE)).orElseGet(pseudonyms::issue);
    if (v.resign()) {
      ex.getResponseHeaders()
          .add(
              "Set-Cookie",
              VISITOR_COOKIE
                  + "="
                  + v.cookie()
                  + "; Path=/; Max-Age="
                  + pseudonyms.cookieLifetime().toSeconds()
                  + "; HttpOnly; SameSite=Strict");
    }
    return "web-" + v.id();
  }

  private static String client(HttpExchange ex) {
    InetSocketAddress remote = ex.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  /**
   * An error as problem details for API and JSON clients (paths under {@code /api/}, {@code .json}
   * resources, or an {@code Accept} header naming JSON), as an HTML page for browsers.
   */
  private void sendError(HttpExchange ex, int status, String type, String message)
      throws IOException {
    if (wantsJson(ex)) {
      sendProblem(ex, status, type, message, List.of());
    } else {
      Http.send(ex, status, "text/html; charset=utf-8", Pages.error(status, message));
    }
  }

  private static boolean wantsJson(HttpExchange ex) {
    String path = ex.getRequestURI().getPath();
    String accept = ex.getRequestHeaders().getFirst("Accept");
    return path.startsWith("/api/")
        || path.endsWith(".json")
        || (accept != null && accept.toLowerCase(Locale.ROOT).contains("json"));
  }

  private void serveStatic(HttpExchange ex, String name) throws IOException {
    String type =
        switch (name) {
          case "board.css" -> "text/css; charset=utf-8";
          case "board.js" -> "text/javascript; charset=utf-8";
          default -> null;
        };
    if (type == null) {
      sendError(ex, 404, "not-found", "Not found");
      return;
    }
    try (InputStream in = MessageBoard.class.getResourceAsStream(name)) {
      if (in == null) {
        sendError(ex, 404, "not-found", "Not found");
        return;
      }
      Http.send(ex, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Configures a {@link MessageBoard}. */
  public static final class Builder {
    private final Spirit spirit;
    private String host = "127.0.0.1";
    private int port;
    private @Nullable String moderatorTokenValue;
    private String moderatorToken = "";
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration reviewLease = ReviewQueue.DEFAULT_LEASE;
    private int postsPerMinute = 30;
    private int reportsPerMinute = 5;
    private byte[] pseudonymKey = Pseudonyms.randomKey();
    private Duration pseudonymEpoch = Duration.ofDays(7);
    private int cloudMinimumPeople = OpenDataStats.DEFAULT_K;

    private Builder(Spirit spirit) {
      this.spirit = spirit;
    }

    /**
     * Sets the address to listen on (default 127.0.0.1).
     *
     * @param value host name or address
     * @return this builder
     */
    public Builder host(String value) {
      this.host = value;
      return this;
    }

    /**
     * Sets the port (default 0: any free port).
     *
     * @param value the port
     * @return this builder
     */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /**
     * Sets the token moderators sign in with (required, at least 12 characters).
     *
     * @param value the token
     * @return this builder
     */
    public Builder moderatorToken(String value) {
      this.moderatorTokenValue = value;
      return this;
    }

    /**
     * Sets how long a moderator's claim on the items shown in their queue holds (default {@link
     * ReviewQueue#DEFAULT_LEASE}); the page renews it on reload, sign-out releases it.
     *
     * @param value a positive duration
     * @return this builder
     * @throws InvalidInputException if not positive
     */
    public Builder reviewLease(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new InvalidInputException("reviewLease", "must be a positive duration, was " + value);
      }
      this.reviewLease = value;
      return this;
    }

    /**
     * Sets the largest accepted request body (default {@link #DEFAULT_MAX_BODY_BYTES}, which fits
     * the longest text Spirit accepts in any encoding); larger ones get 413.
     *
     * @param value bytes
     * @return this builder
     */
    public Builder maxBodyBytes(int value) {
      this.maxBodyBytes = value;
      return this;
    }

    /**
     * Sets how many POSTs one client may make per minute (default 30); more get 429.
     *
     * @param value posts per minute
     * @return this builder
     */
    public Builder postsPerMinute(int value) {
      this.postsPerMinute = value;
      return this;
    }

    /**
     * Sets the secret that signs visitors' pseudonymous ids (default: random, so ids do not survive
     * a restart). Give every instance behind a load balancer the same key.
     *
     * @param key at least 32 bytes
     * @param epoch how long one derived signing key is current (default 7 days; the previous
     *     epoch's cookies are accepted and re-signed for one more epoch)
     * @return this builder
     * @throws InvalidInputException if the key is short or the epoch not positive
     */
    public Builder pseudonymKey(byte[] key, Duration epoch) {
      if (key == null || key.length < 32) {
        throw new InvalidInputException("pseudonymKey", "must be at least 32 bytes");
      }
      if (epoch == null || epoch.isNegative() || epoch.isZero()) {
        throw new InvalidInputException("pseudonymEpoch", "must be a positive duration");
      }
      this.pseudonymKey = key.clone();
      this.pseudonymEpoch = epoch;
      return this;
    }

    /**
     * Sets how many reports one visitor may make per minute (default 5; ten times as many per
     * network prefix, see {@link NetworkPrefix}); more get 429.
     *
     * @param value at least 1
     * @return this builder
     * @throws InvalidInputException if below 1
     */
    public Builder reportsPerMinute(int value) {
      if (value < 1) {
        throw new InvalidInputException("reportsPerMinute", "must be at least 1, was " + value);
      }
      this.reportsPerMinute = value;
      return this;
    }

    /**
     * Sets how many different people must have given a word before the public word cloud shows it
     * (default {@link OpenDataStats#DEFAULT_K}, 5): a word only one or two people gave could point
     * at them.
     *
     * @param value at least 1
     * @return this builder
     * @throws InvalidInputException if below 1
     */
    public Builder cloudMinimumPeople(int value) {
      if (value < 1) {
        throw new InvalidInputException("cloudMinimumPeople", "must be at least 1, was " + value);
      }
      this.cloudMinimumPeople = value;
      return this;
    }

    /**
     * Starts the board.
     *
     * @return the running board
     * @throws dev.spirit.error.InvalidInputException if the token is missing or too short
     * @throws UncheckedIOException if the port cannot be bound
     */
    public MessageBoard start() {
      if (moderatorTokenValue == null || moderatorTokenValue.length() < 12) {
        throw new dev.spirit.error.InvalidInputException(
            "moderatorToken", "must be set and at least 12 characters long");
      }
      moderatorToken = moderatorTokenValue;
      try {
        MessageBoard board = new MessageBoard(this, spirit);
        board.server.start();
        return board;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
      }
    }
  }
}
