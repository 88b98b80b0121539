package dev.spirit.storage.file;

import dev.spirit.error.InvalidInputException;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens {@link FileStore}s for URIs {@code file:<directory>[?option=value&...]}, e.g. {@code
 * file:./spirit-data} or {@code file:/var/lib/spirit?durability=async&asyncWindowMs=50}. Options:
 * {@code durability} ({@code sync} or {@code async}), {@code asyncWindowMs}, {@code segmentBytes},
 * {@code createIfMissing}, {@code directIo} and {@code yieldWhileWaiting} ({@code true} or {@code
 * false}; see {@link FileStoreOptions}).
 */
public final class FileStoreProvider implements StoreProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public FileStoreProvider() {}

  @Override
  public boolean supports(String uri) {
    return uri.startsWith("file:");
  }

  @Override
  public String uriPattern() {
    return "file:<directory>[?durability=sync|async&asyncWindowMs=N&segmentBytes=N"
        + "&createIfMissing=true|false&directIo=true|false&yieldWhileWaiting=true|false]";
  }

  @Override
  public SpiritStore open(String uri) {
    return FileStore.open(parse(uri));
  }

  /**
   * A file store exists where its directory holds the lock file or a log segment, which every store
   * that was ever opened has; an empty or missing directory is no store.
   */
  @Override
  public boolean exists(String uri) {
    return FileStore.existsIn(parse(uri).directory());
  }

  /**
   * Parses a {@code file:} URI into options.
   *
   * @param uri the URI
   * @return the options it names
   * @throws InvalidInputException if the URI or one of its options is not valid
   */
  public static FileStoreOptions parse(String uri) {
    if (!uri.startsWith("file:")) {
      throw new InvalidInputException("storeUri", "'" + uri + "' does not start with file:");
    }
    String rest = uri.substring("file:".length());
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    if (rest.startsWith("//")) {
      rest = rest.substring(2); // file:///var/x -> /var/x
    }
    if (rest.isBlank()) {
      throw new InvalidInputException("storeUri", "'" + uri + "' names no directory");
    }
    FileStoreOptions.Builder builder = FileStoreOptions.builder(Path.of(rest));
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new InvalidInputException(
              "storeUri", "option '" + pair + "' in '" + uri + "' is not name=value");
        }
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        switch (name) {
          case "durability" ->
              builder.durability(
                  switch (value.toLowerCase(Locale.ROOT)) {
                    case "sync" -> Durability.SYNC;
                    case "async" -> Durability.ASYNC;
                    default ->
                        throw new InvalidInputException(
                            "storeUri", "durability must be sync or async, was '" + value + "'");
                  });
          case "asyncWindowMs" -> builder.asyncWindow(Duration.ofMillis(number(name, value)));
          case "segmentBytes" -> builder.segmentBytes(number(name, value));
          case "createIfMissing" -> builder.createIfMissing(flag(name, value));
          case "directIo" -> builder.directIo(flag(name, value));
          case "yieldWhileWaiting" -> builder.yieldWhileWaiting(flag(name, value));
          default ->
              throw new InvalidInputException(
                  "storeUri",
                  "unknown option '"
                      + name
                      + "' (known: durability, asyncWindowMs, segmentBytes, createIfMissing,"
                      + " directIo, yieldWhileWaiting)");
        }
      }
    }
    return builder.build();
  }

  private static boolean flag(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidInputException(
              "storeUri", name + " must be true or false, was '" + value + "'");
    };
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("storeUri", name + " must be a number, was '" + value + "'");
    }
  }
}
