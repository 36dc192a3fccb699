package org.cinema.common.web;

import java.io.IOException;

/** A request body that went past its limit while it was being read (one sent without a length). */
public class BodyTooLargeException extends IOException {

  public BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
