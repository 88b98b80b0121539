package dev.spirit.spring.boot;

import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.TermLexicon;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * Reads the city and district lexicons from their {@link Resource} locations into one {@link
 * TermLexicon}, naming the property in every error.
 */
final class LexiconLoader {
  private static final String PREFIX = "spirit.lexicon.";

  private LexiconLoader() {}

  static TermLexicon load(SpiritProperties.Lexicon settings) {
    @Nullable TermLexicon city =
        read("city", settings.getCity(), "city-allow-list", settings.getCityAllowList());
    @Nullable TermLexicon district =
        read(
            "district",
            settings.getDistrict(),
            "district-allow-list",
            settings.getDistrictAllowList());
    if (city == null) {
      return district == null ? TermLexicon.empty() : district;
    }
    if (district == null) {
      return city;
    }
    try {
      return TermLexicon.layered(city, district);
    } catch (InvalidInputException e) {
      throw new SpiritConfigurationException(
          PREFIX + "district", String.valueOf(e.getMessage()), e);
    }
  }

  private static @Nullable TermLexicon read(
      String termsKey, @Nullable Resource terms, String allowKey, @Nullable Resource allowList) {
    if (terms == null) {
      if (allowList != null) {
        throw new SpiritConfigurationException(
            PREFIX + allowKey, "is set, but " + PREFIX + termsKey + " (its lexicon) is not");
      }
      return null;
    }
    try (Reader termsReader = open(termsKey, terms);
        Reader allowReader = allowList == null ? new StringReader("") : open(allowKey, allowList)) {
      return TermLexicon.read(
          termsReader,
          terms.getDescription(),
          allowReader,
          allowList == null ? "(no allow-list)" : allowList.getDescription());
    } catch (IOException e) {
      throw new SpiritConfigurationException(
          PREFIX + termsKey,
          "cannot read " + terms.getDescription() + ": " + String.valueOf(e.getMessage()),
          e);
    } catch (InvalidInputException e) {
      // LexiconFormatException names the file and line; the property says which one it is
      throw new SpiritConfigurationException(PREFIX + termsKey, String.valueOf(e.getMessage()), e);
    }
  }

  private static Reader open(String key, Resource resource) {
    try {
      return new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpiritConfigurationException(
          PREFIX + key,
          "cannot read " + resource.getDescription() + ": " + String.valueOf(e.getMessage()),
          e);
    }
  }
}
