package org.cinema.billing.notification;

import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The name of the product an event is about, looked up when it is sent (in a short read of its own,
 * never in the transaction of the change): by the {@code product_id} of the event's data, else
 * through its {@code subscription_id} (payment events carry only that).
 */
@Stateless
public class ProductNames {

  @PersistenceContext private EntityManager em;

  public Optional<String> of(JsonObject data) {
    Optional<UUID> product = uuid(data, "product_id");
    if (product.isPresent()) {
      return first(
          em.createNativeQuery("select name from billing.product where id = ?")
              .setParameter(1, product.get())
              .getResultList());
    }
    return uuid(data, "subscription_id")
        .flatMap(
            subscription ->
                first(
                    em.createNativeQuery(
                            "select p.name from billing.subscription s"
                                + " join billing.product p on p.id = s.product_id where s.id = ?")
                        .setParameter(1, subscription)
                        .getResultList()));
  }

  private static Optional<String> first(List<?> names) {
    return names.stream().findFirst().map(String.class::cast);
  }

  private static Optional<UUID> uuid(JsonObject data, String name) {
    if (!(data.get(name) instanceof JsonString value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.getString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
