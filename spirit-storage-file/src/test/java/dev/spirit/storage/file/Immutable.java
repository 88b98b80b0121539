package dev.spirit.storage.file;

import java.io.IOException;
import java.nio.file.Path;

/** Sets or clears the immutable attribute ({@code chattr +i}), which stops even root. */
final class Immutable {
  private Immutable() {}

  /** Returns whether chattr succeeded. */
  static boolean set(Path path, boolean on) {
    try {
      Process p =
          new ProcessBuilder("chattr", "-R", on ? "+i" : "-i", path.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
