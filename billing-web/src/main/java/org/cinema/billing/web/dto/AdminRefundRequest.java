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

  @DecimalMin(value = "0.01", message = "must be at least 0.01")
  @Digits(integer = 10, fraction = 2, message = "must have at most two decimals")
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
