package dev.spirit.storage;

import dev.spirit.error.InvalidInputException;
import dev.spirit.error.UnsupportedStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds storage backends on the class path and opens stores by URI: {@code mem:}, {@code
 * file:./data}, {@code jdbc:h2:file:./data/spirit}, {@code jdbc:postgresql://host/db}.
 */
public final class SpiritStores {
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  private SpiritStores() {}

  /**
   * Opens the store at {@code uri} with the first backend that supports it.
   *
   * @param uri the store URI
   * @return the open store; the caller closes it
   * @throws UnsupportedStoreException if no backend on the class path takes this URI
   */
  public static SpiritStore open(String uri) {
    return provider(uri).open(uri);
  }

  /**
   * Whether a store already exists at {@code uri}, asked of its backend without creating anything
   * ({@link StoreProvider#exists(String)}). {@code mem:} stores never exist before they are opened.
   *
   * @param uri the store URI
   * @return true if opening it would find data written earlier
   * @throws UnsupportedStoreException if no backend on the class path takes this URI
   */
  public static boolean exists(String uri) {
    return provider(uri).exists(uri);
  }

  private static StoreProvider provider(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new InvalidInputException("storeUri", "must not be blank");
    }
    List<StoreProvider> providers = providers();
    for (StoreProvider provider : providers) {
      if (provider.supports(uri)) {
        return provider;
      }
    }
    throw new UnsupportedStoreException(
        "no storage backend on the class path accepts '"
            + redacted(uri)
            + "'; available: "
            + providers.stream().map(StoreProvider::uriPattern).collect(Collectors.joining(", "))
            + " (add spirit-storage-file or spirit-storage-jdbc as a dependency for more)");
  }

  /**
   * A store URI safe to show in messages and logs: a {@code password=} parameter and the password
   * of a {@code user:password@} part are masked.
   *
   * @param uri a store URI
   * @return the URI with passwords replaced by {@code ***}
   */
  public static String redacted(String uri) {
    return USER_PASSWORD
        .matcher(PASSWORD_PARAMETER.matcher(uri).replaceAll("$1***"))
        .replaceAll("$1***@");
  }

  /**
   * The storage backends found on the class path.
   *
   * @return the providers, in service-loader order
   */
  public static List<StoreProvider> providers() {
    List<StoreProvider> result = new ArrayList<>();
    ServiceLoader.load(StoreProvider.class, SpiritStores.class.getClassLoader())
        .forEach(result::add);
    return result;
  }
}
