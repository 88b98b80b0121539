package dev.spirit.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client for the load generator: one kept-alive socket, requests written and
 * responses read (content-length or chunked) by hand. {@code java.net.http.HttpClient} cost the
 * 2-core machine more processor time than the servers it was measuring.
 */
final class RawHttp {
  private static final ThreadLocal<Map<String, RawHttp>> PER_THREAD =
      ThreadLocal.withInitial(HashMap::new);

  /** A response: status and body. */
  record Response(int statusCode, String body) {}

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  private RawHttp(String base) throws IOException {
    URI uri = URI.create(base);
    this.host = uri.getHost();
    this.port = uri.getPort();
    connect();
  }

  /**
   * This thread's connection to a base URL.
   *
   * @param base e.g. {@code http://127.0.0.1:8080}
   * @return the connection
   * @throws IOException if it cannot connect
   */
  static RawHttp forThread(String base) throws IOException {
    Map<String, RawHttp> mine = PER_THREAD.get();
    RawHttp c = mine.get(base);
    if (c == null) {
      c = new RawHttp(base);
      mine.put(base, c);
    }
    return c;
  }

  private void connect() throws IOException {
    socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    out = socket.getOutputStream();
  }

  /**
   * Posts a body; reconnects once if the server had closed the kept-alive connection.
   *
   * @param path the path
   * @param headers request headers
   * @param body the body, UTF-8
   * @return the response
   * @throws IOException on failure
   */
  Response post(String path, Map<String, String> headers, String body) throws IOException {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':');
    head.append(port).append("\r\nContent-Length: ").append(payload.length).append("\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("\r\n");
    byte[] request = head.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return exchange(request, payload);
    } catch (IOException closed) {
      socket.close();
      connect();
      return exchange(request, payload);
    }
  }

  private Response exchange(byte[] head, byte[] payload) throws IOException {
    out.write(head);
    out.write(payload);
    out.flush();
    String status = line();
    if (status.isEmpty()) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.split(" ", 3)[1]);
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
    if (chunked) {
      for (long size = Long.parseLong(line().trim(), 16); size > 0; ) {
        copy(size, bodyBytes);
        line();
        size = Long.parseLong(line().trim(), 16);
      }
      line();
    } else if (length > 0) {
      copy(length, bodyBytes);
    }
    if (close) {
      socket.close();
      connect();
    }
    return new Response(code, bodyBytes.toString(StandardCharsets.UTF_8));
  }

  private void copy(long n, ByteArrayOutputStream to) throws IOException {
    byte[] buffer = new byte[4096];
    long left = n;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("connection closed in a body");
      }
      to.write(buffer, 0, read);
      left -= read;
    }
  }

  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\r') {
          s.setLength(end - 1);
        }
        return s.toString();
      }
      s.append((char) b);
    }
    return s.toString();
  }
}
