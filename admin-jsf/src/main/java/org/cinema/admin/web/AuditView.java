package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditEvent;
import org.cinema.admin.audit.AuditFilter;
import org.cinema.admin.audit.AuditTrail;

/** The audit page: what managers did, newest first, by actor, action, target and dates. */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AuditTrail audit;

  private PagedModel<AuditEvent> events;
  private String actor;
  private String action;
  private String target;
  private LocalDate from;
  private LocalDate to;

  @PostConstruct
  void init() {
    events =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return audit.count(filter());
              }

              @Override
              public List<AuditEvent> page(int first, int size, String sort, boolean asc) {
                return audit.events(filter(), first, size);
              }
            },
            "occurredAt");
  }

  private AuditFilter filter() {
    return new AuditFilter(actor, action, target, from, to);
  }

  /** The action codes, for the filter's suggestions. */
  public List<String> getActions() {
    return Arrays.stream(AuditAction.values()).map(AuditAction::code).toList();
  }

  public PagedModel<AuditEvent> getEvents() {
    return events;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
