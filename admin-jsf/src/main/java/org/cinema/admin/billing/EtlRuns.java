package org.cinema.admin.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The catalog ETL at {@code ETL_API_URL}: its recent runs ({@code GET runs}) and a run started now
 * ({@code POST runs}), both as the billing administrator (the ETL asks for an administrator's
 * token; {@link BillingAdmin} holds it).
 */
@ApplicationScoped
public class EtlRuns {

  @Inject private BillingAdmin billing;

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

  /** etl-batch's runs. */
  @Path("runs")
  @Produces(MediaType.APPLICATION_JSON)
  public interface Api {
    @GET
    List<Run> recent(@HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit);

    /** Starts a run: 202 with the run at once; 409 while another run holds the lock. */
    @POST
    Run start(@HeaderParam("Authorization") String bearer);
  }

  private volatile Api api;

  /** The newest run, if the ETL has run since it started. */
  public Optional<Run> last() {
    try {
      return billing.withToken(bearer -> api().recent(bearer, 1)).stream().findFirst();
    } catch (WebApplicationException e) {
      throw new BillingUnavailable(describe(e), e);
    } catch (ProcessingException e) {
      throw new BillingUnavailable("ETL API not reachable at " + apiUrl, e);
    }
  }

  /**
   * Starts a run now; the run as the ETL reports it at the start.
   *
   * @throws BillingUnavailable with the ETL's reason, e.g. another run holding the lock
   */
  public Run start() {
    try {
      return billing.withToken(bearer -> api().start(bearer));
    } catch (WebApplicationException e) {
      throw new BillingUnavailable(describe(e), e);
    } catch (ProcessingException e) {
      throw new BillingUnavailable("ETL API not reachable at " + apiUrl, e);
    }
  }

  /** The ETL's own message when it sent one ({"error", "message"}). */
  private String describe(WebApplicationException e) {
    try (JsonReader reader =
        Json.createReader(new StringReader(e.getResponse().readEntity(String.class)))) {
      return "ETL: " + reader.readObject().getString("message");
    } catch (RuntimeException unreadable) {
      return "ETL API at " + apiUrl + " answered " + e.getResponse().getStatus();
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
