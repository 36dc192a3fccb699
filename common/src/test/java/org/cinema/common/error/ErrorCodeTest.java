package org.cinema.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void aBareStatusGetsItsGenericCode() {
    assertThat(ErrorCode.forStatus(400)).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(ErrorCode.forStatus(401)).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
    assertThat(ErrorCode.forStatus(403)).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(ErrorCode.forStatus(405)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
    assertThat(ErrorCode.forStatus(406)).isEqualTo(ErrorCode.NOT_ACCEPTABLE);
    assertThat(ErrorCode.forStatus(413)).isEqualTo(ErrorCode.BODY_TOO_LARGE);
    assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertThat(ErrorCode.forStatus(429)).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.NOT_READY);
  }

  @Test
  void aStatusWithoutACodeOfItsOwnIsAnInvalidInputOrAnInternalError() {
    assertThat(ErrorCode.forStatus(414)).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(ErrorCode.forStatus(500)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    assertThat(ErrorCode.forStatus(504)).isEqualTo(ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void everyCodeIsARefusalOrAnError() {
    assertThat(Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::status))
        .allSatisfy(status -> assertThat(status).isBetween(400, 599));
  }
}
