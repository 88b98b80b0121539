package dev.spirit.examples.boot.web;

import dev.spirit.error.NotFoundException;
import dev.spirit.examples.boot.board.BoardController;
import dev.spirit.examples.boot.moderation.ModerationController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' errors as pages (the API's are problem details, {@link ApiProblems}): an unknown
 * campaign or submission is a 404 page.
 */
@ControllerAdvice(assignableTypes = {BoardController.class, ModerationController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HtmlErrors {
  /** Creates the advice (Spring does). */
  public HtmlErrors() {}

  /**
   * Something that does not exist.
   *
   * @param e the exception
   * @return the 404 page
   */
  @ExceptionHandler(NotFoundException.class)
  public ModelAndView notFound(NotFoundException e) {
    ModelAndView page = new ModelAndView("error");
    page.setStatus(HttpStatus.NOT_FOUND);
    page.addObject("status", 404);
    page.addObject("message", e.getMessage());
    return page;
  }
}
