package org.cinema.admin.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The catalog ETL's recent runs, from etl-batch's {@code GET runs} at {@code ETL_API_URL}. */
@ApplicationScoped
public class EtlRuns {

  @Inject
  @ConfigProperty(name = "etl.api.url", defaultValue = "http://localhost:8080/etl/api/")
  private String apiUrl;

  /** A run as etl-batch reports it. */
  public record Run(
      long executionId,
      String status,
      String exitStatus,
      Instant started,
      Instant ended,
      Long durationMillis,
      List<Step> steps)
      implements Serializable {}

  /** One step's counts. */
  public record Step(
      String name,
      String status,
      long read,
      long written,
      long changed,
      long skipped,
      long commits,
      long rollbacks,
      Long durationMillis)
      implements Serializable {}

  /** etl-batch's run list. */
  @Path("runs")
  public interface Api {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<Run> recent(@QueryParam("limit") int limit);
  }

  private volatile Api api;

  /** The newest run, if the ETL has run since it started. */
  public Optional<Run> last() {
    try {
      return api().recent(1).stream().findFirst();
    } catch (WebApplicationException | ProcessingException e) {
      throw new BillingUnavailable("ETL API not reachable at " + apiUrl, e);
    }
  }

  private Api api() {
    Api current = api;
    if (current == null) {
      current = RestClients.build(Api.class, apiUrl, 10);
      api = current;
    }
    return current;
  }
}
