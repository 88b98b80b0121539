package dev.spirit.examples.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Error bodies as RFC 9457 problem details ({@code application/problem+json}): {@code type}, {@code
 * title}, {@code status}, {@code detail}, and an {@code errors} array listing every input error
 * found, each with the {@code field} it concerns and a {@code message} (and a machine-readable
 * {@code code} where Spirit has one). No HTTP server types in its API, so any web layer (the JDK
 * server here, a Spring MVC controller advice) can build the same bodies.
 */
public final class Problems {
  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /**
   * One input error.
   *
   * @param field the input it concerns (a JSON field, a form field or a header name)
   * @param message what is wrong with it
   * @param code a machine-readable code, if there is one
   */
  public record FieldError(String field, String message, Optional<String> code) {
    /**
     * An input error without a code.
     *
     * @param field the input it concerns
     * @param message what is wrong with it
     */
    public FieldError(String field, String message) {
      this(field, message, Optional.empty());
    }
  }

  /**
   * The standard title of a status code.
   *
   * @param status an HTTP status code
   * @return its reason phrase, as RFC 9110 names it
   */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error " + status;
    };
  }

  /**
   * A problem body.
   *
   * @param status the HTTP status
   * @param type a short problem type, e.g. {@code too-large}; becomes the {@code type} URI {@code
   *     /problems/too-large} (relative, resolved against the API's base)
   * @param detail what happened, for a person
   * @param errors every input error found (may be empty)
   * @return the JSON text
   */
  public static String json(int status, String type, String detail, List<FieldError> errors) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "/problems/" + type);
    root.put("title", title(status));
    root.put("status", status);
    root.put("detail", detail);
    ArrayNode list = root.putArray("errors");
    for (FieldError e : errors) {
      ObjectNode item = list.addObject().put("field", e.field()).put("message", e.message());
      e.code().ifPresent(code -> item.put("code", code));
    }
    return root.toString();
  }
}
