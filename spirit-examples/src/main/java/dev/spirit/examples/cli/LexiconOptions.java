package dev.spirit.examples.cli;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.moderation.TermLexicon;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --lexicon FILE} and {@code --allow FILE} options, declared once for every command that
 * takes them. Both repeat, city first, then the district: the n-th {@code --allow} belongs to the
 * n-th {@code --lexicon}, and each pair is one layer of the campaign's lexicon ({@link
 * CampaignLexicon}).
 */
final class LexiconOptions {
  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description =
          "Lexicon TSV (term, category, block|review). Repeat for layers: the city's first, then"
              + " the district's (which may add terms but not lower a city block term).")
  List<Path> lexicons = new ArrayList<>();

  @Option(
      names = "--allow",
      paramLabel = "FILE",
      description =
          "Allow-list, one innocent phrase per line, for the --lexicon at the same position.")
  List<Path> allows = new ArrayList<>();

  /** Who the CLI records as having attached a lexicon: {@code cli:<user>}, or {@code cli}. */
  static String actor() {
    String user = System.getProperty("user.name", "");
    String actor = "cli:" + user.strip();
    return user.isBlank() || actor.length() > 128 || actor.chars().anyMatch(Character::isISOControl)
        ? "cli"
        : actor;
  }

  /**
   * Whether any file was given.
   *
   * @return true if {@code --lexicon} or {@code --allow} was given
   */
  boolean given() {
    return !lexicons.isEmpty() || !allows.isEmpty();
  }

  /** The layers read from the files, and their compiled, layered lexicon. */
  record Layers(List<LexiconLayer> layers, TermLexicon compiled) {}

  /**
   * Reads and checks the files: each lexicon and allow-list on its own (a bad row is named {@code
   * file:line}), then the layers together (a district may not lower a city block term).
   *
   * @return the layers, city first, and their compiled lexicon
   * @throws InvalidInputException if a file cannot be read, has a bad row, or the layers clash
   */
  Layers layers() {
    if (lexicons.isEmpty()) {
      throw new InvalidInputException(
          "--allow", "each --allow belongs to a --lexicon at the same position; give the lexicon");
    }
    if (allows.size() > lexicons.size()) {
      throw new InvalidInputException(
          "--allow",
          allows.size()
              + " allow-lists for "
              + lexicons.size()
              + " lexicons: each --allow belongs to the --lexicon at the same position");
    }
    List<LexiconLayer> layers = new ArrayList<>();
    TermLexicon compiled = TermLexicon.empty();
    for (int i = 0; i < lexicons.size(); i++) {
      Path lexicon = lexicons.get(i);
      String terms = read("--lexicon", lexicon);
      String allowed = i < allows.size() ? read("--allow", allows.get(i)) : "";
      // Read here with the real file names, so that a bad row is reported as file:line.
      TermLexicon layer =
          TermLexicon.read(
              new StringReader(terms),
              lexicon.toString(),
              new StringReader(allowed),
              i < allows.size() ? allows.get(i).toString() : "(no allow-list)");
      if (i == 0) {
        compiled = layer;
      } else {
        try {
          compiled = TermLexicon.layered(compiled, layer);
        } catch (InvalidInputException e) {
          String problem = e.getMessage();
          String prefix = e.field() + ": ";
          if (problem != null && problem.startsWith(prefix)) {
            problem = problem.substring(prefix.length());
          }
          throw new InvalidInputException(
              lexicon.toString(), problem + " (layered over " + lexicons.get(i - 1) + ")");
        }
      }
      layers.add(new LexiconLayer(lexicon.toString(), terms, allowed));
    }
    return new Layers(List.copyOf(layers), compiled);
  }

  /**
   * A fingerprint of the files' current bytes, to notice that one changed.
   *
   * @return a hex SHA-256 over every file in order; files that cannot be read count as empty
   */
  String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (List<Path> files : List.of(lexicons, allows)) {
        for (Path file : files) {
          sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
          try {
            sha.update(Files.readAllBytes(file));
          } catch (IOException e) {
            sha.update((byte) 1);
          }
          sha.update((byte) 0);
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Attaches the files to a campaign unless the campaign's stored lexicon already has their
   * version, so that every later command and every running instance moderates with them.
   *
   * @param spirit the instance
   * @param campaign the campaign
   * @param out where to say that a new revision was stored
   * @return the revision stored, or empty if the stored one already had this content
   * @throws InvalidInputException if a file cannot be read or is refused (nothing is stored)
   */
  Optional<CampaignLexicon> attachIfChanged(Spirit spirit, Campaign campaign, PrintWriter out) {
    Layers read = layers();
    String version = read.compiled().version();
    Optional<CampaignLexicon> stored = spirit.campaigns().lexicon(campaign.id());
    if (stored.isPresent() && stored.get().version().equals(version)) {
      return Optional.empty();
    }
    CampaignLexicon attached =
        spirit.campaigns().attachLexicon(campaign.id(), read.layers(), actor());
    out.println(describe(campaign, attached));
    out.flush();
    return Optional.of(attached);
  }

  static String describe(Campaign campaign, CampaignLexicon attached) {
    return "lexicon revision "
        + attached.revision()
        + " ("
        + attached.version()
        + ") attached to campaign "
        + campaign.slug()
        + " by "
        + attached.attachedBy();
  }

  private static String read(String option, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(option, "cannot read " + file + ": " + e);
    }
  }
}
