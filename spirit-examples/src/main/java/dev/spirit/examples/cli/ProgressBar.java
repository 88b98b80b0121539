package dev.spirit.examples.cli;

import java.io.PrintWriter;

/**
 * A progress bar for long intakes. On a terminal it redraws one line in place; otherwise (a pipe, a
 * log file, CI) it prints a plain line at every quarter so logs stay readable.
 */
public final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final boolean interactive;
  private final long startNanos = System.nanoTime();
  private long done;
  private int lastShown = -1;

  /**
   * Creates a bar.
   *
   * @param out where to draw
   * @param label what is being done, e.g. {@code Ingesting}
   * @param total how many steps make 100%
   * @param interactive true to redraw in place (a terminal), false for plain lines
   */
  public ProgressBar(PrintWriter out, String label, long total, boolean interactive) {
    this.out = out;
    this.label = label;
    this.total = Math.max(0, total);
    this.interactive = interactive;
  }

  /**
   * Whether this process writes to an interactive terminal.
   *
   * @return true if a console is attached and the terminal is not dumb
   */
  // On Java 17-21 System.console() is null unless both stdin and stdout are a terminal, which is
  // exactly the test wanted here.
  @SuppressWarnings("SystemConsoleNull")
  public static boolean isTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && !"dumb".equals(term);
  }

  /**
   * Advances the bar.
   *
   * @param steps how many steps were completed
   */
  public void step(long steps) {
    done = Math.min(total, done + steps);
    int percent = total == 0 ? 100 : (int) (100 * done / total);
    if (interactive) {
      if (percent != lastShown) {
        lastShown = percent;
        int filled = WIDTH * percent / 100;
        out.print(
            "\r"
                + label
                + " ["
                + "█".repeat(filled)
                + "░".repeat(WIDTH - filled)
                + "] "
                + String.format("%3d%% %d/%d %s", percent, done, total, rate()));
        out.flush();
      }
    } else {
      int quarter = percent / 25;
      if (quarter != lastShown && quarter > 0) {
        lastShown = quarter;
        out.println(label + ": " + percent + "% (" + done + "/" + total + ")");
      }
    }
  }

  /**
   * Advances the bar to a number of completed steps (a listener's running total).
   *
   * @param completed how many steps are done in all; a number below the bar's is ignored
   */
  public void advanceTo(long completed) {
    if (completed >= done) {
      step(completed - done);
    }
  }

  private String rate() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return seconds < 0.05 ? "" : String.format("%.0f/s ", done / seconds);
  }

  /** Finishes the bar's line. */
  @Override
  public void close() {
    if (interactive) {
      out.println();
    } else if (lastShown < 4) {
      out.println(
          label
              + ": "
              + (total == 0 ? 100 : 100 * done / total)
              + "% ("
              + done
              + "/"
              + total
              + ")");
    }
    out.flush();
  }
}
