package org.cinema.billing.subscription;

import java.util.Optional;
import org.cinema.billing.payment.PaymentStatus;

/**
 * What became of one claimed renewal's charge: its payment's status as recorded, or why it could
 * not be charged or recorded (the payment then waits to be claimed again).
 */
public record RenewalOutcome(
    CheckoutTicket ticket, Optional<PaymentStatus> status, Optional<RuntimeException> error) {

  static RenewalOutcome recorded(CheckoutTicket ticket, PaymentStatus status) {
    return new RenewalOutcome(ticket, Optional.of(status), Optional.empty());
  }

  static RenewalOutcome failed(CheckoutTicket ticket, RuntimeException error) {
    return new RenewalOutcome(ticket, Optional.empty(), Optional.of(error));
  }
}
