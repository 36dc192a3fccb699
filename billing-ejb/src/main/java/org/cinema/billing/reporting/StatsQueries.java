package org.cinema.billing.reporting;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cinema.billing.platform.Money;
import org.cinema.billing.reporting.BillingStats.DayRevenue;

/** Reads the dashboard's figures with three aggregate queries. */
@Stateless
public class StatsQueries {

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  /** The figures, revenue over the last {@code days} days (today included). */
  public BillingStats stats(int days) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime since =
        LocalDate.now(clock.withZone(ZoneOffset.UTC))
            .minusDays(days - 1L)
            .atStartOfDay()
            .atOffset(ZoneOffset.UTC);
    long active =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from billing.subscription where status = 'ACTIVE'"
                            + " and current_period_end > ?")
                    .setParameter(1, now)
                    .getSingleResult())
            .longValue();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select status, count(*) from billing.payment group by status order by status")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      byStatus.put((String) columns[0], ((Number) columns[1]).longValue());
    }
    List<DayRevenue> revenue =
        ((List<?>)
                em.createNativeQuery(
                        "select cast(paid_at at time zone 'UTC' as date), currency,"
                            + " sum(amount - refunded_amount) from billing.payment"
                            + " where paid_at >= ? group by 1, 2 order by 1, 2")
                    .setParameter(1, since)
                    .getResultList())
            .stream()
                .map(Object[].class::cast)
                .map(
                    columns ->
                        new DayRevenue(
                            ((Date) columns[0]).toLocalDate(),
                            ((String) columns[1]).strip(),
                            Money.inCurrency(
                                (BigDecimal) columns[2], ((String) columns[1]).strip())))
                .toList();
    return new BillingStats(active, byStatus, revenue);
  }
}
