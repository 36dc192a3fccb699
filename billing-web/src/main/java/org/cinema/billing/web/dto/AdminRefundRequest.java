package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * An administrator's refund: {@code amount} empty for all that is left (a class, not a record: see
 * {@link RegisterRequest}).
 */
public final class AdminRefundRequest {

  /** Checked against the payment's currency too (JPY: no decimals, RUB: 2, KWD: 3). */
  @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
  @Digits(integer = 10, fraction = 3, message = "must have at most 10 digits and 3 decimals")
  private final BigDecimal amount;

  @NotBlank(message = "is required")
  @Size(max = 512, message = "must be at most 512 characters")
  private final String reason;

  @JsonbCreator
  public AdminRefundRequest(
      @JsonbProperty("amount") BigDecimal amount, @JsonbProperty("reason") String reason) {
    this.amount = amount;
    this.reason = reason;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getReason() {
    return reason;
  }
}
