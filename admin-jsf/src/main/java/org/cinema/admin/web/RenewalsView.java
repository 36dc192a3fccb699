package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.RenewalRun;
import org.cinema.admin.billing.BillingRecords.UpcomingDay;
import org.cinema.admin.billing.BillingUnavailable;

/**
 * Renewals: what billing will renew in the next days (per day and currency), its latest renewal
 * passes with their counts, and a button that starts a pass now (audited); a pass already running
 * is said so, not shown as an error.
 */
@Named
@ViewScoped
public class RenewalsView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int DAYS = 7;

  @Inject private BillingAdmin billing;

  @Inject private AuditTrail audit;

  private List<UpcomingDay> upcoming = List.of();
  private String upcomingError;
  private PagedModel<RenewalRun> runs;

  @PostConstruct
  void init() {
    try {
      upcoming = billing.upcomingRenewals(DAYS);
    } catch (BillingUnavailable e) {
      upcomingError = e.getMessage();
    }
    runs =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return BillingPages.total(() -> billing.renewalRuns(1, 1));
              }

              @Override
              public List<RenewalRun> page(int first, int size, String sort, boolean asc) {
                return BillingPages.items(
                    () -> billing.renewalRuns(BillingPages.pageOf(first, size), size));
              }
            },
            "started_at");
  }

  /** Asks billing for a pass now; it answers at once, the pass goes on in the background. */
  public void runNow() {
    try {
      Optional<RenewalRun> run = billing.startRenewals();
      if (run.isPresent()) {
        audit.record(AuditAction.RENEWAL_RUN, run.get().id(), "started: " + run.get().status());
        Messages.info("renewals.started.message", run.get().id());
      } else {
        audit.record(AuditAction.RENEWAL_RUN, null, "not started: a pass is running");
        Messages.warn("renewals.running");
      }
    } catch (BillingUnavailable e) {
      audit.record(AuditAction.RENEWAL_RUN, null, "not started: " + e.getMessage());
      Messages.errorText(e.getMessage());
    }
  }

  public int getDays() {
    return DAYS;
  }

  public List<UpcomingDay> getUpcoming() {
    return upcoming;
  }

  public String getUpcomingError() {
    return upcomingError;
  }

  public PagedModel<RenewalRun> getRuns() {
    return runs;
  }
}
