package org.cinema.admin.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Writes and lists the audit trail. {@link #record} joins the caller's transaction, so a catalog or
 * manager change and its event commit together; called outside one (a refund, after billing
 * answered) it commits on its own. The actor is the manager logged in to this request.
 */
@Stateless
public class AuditTrail {

  /** The actor written when no manager is logged in (a start-up task, a test). */
  static final String NOBODY = "system";

  @PersistenceContext private EntityManager em;

  @Inject private SecurityContext security;

  @Inject private Clock clock;

  public void record(AuditAction action, Object targetId, String details) {
    em.persist(
        new AuditEvent(
            OffsetDateTime.now(clock),
            actor(),
            action,
            targetId == null ? null : targetId.toString(),
            details));
  }

  /** Events newest first. */
  public List<AuditEvent> events(AuditFilter filter, int first, int size) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> event = query.from(AuditEvent.class);
    query
        .select(event)
        .where(filter.where(cb, event))
        .orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
    return em.createQuery(query).setFirstResult(first).setMaxResults(size).getResultList();
  }

  public long count(AuditFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<AuditEvent> event = query.from(AuditEvent.class);
    query.select(cb.count(event)).where(filter.where(cb, event));
    return em.createQuery(query).getSingleResult();
  }

  private String actor() {
    Principal caller = security.getCallerPrincipal();
    return caller == null || caller.getName() == null || caller.getName().isBlank()
        ? NOBODY
        : caller.getName();
  }
}
