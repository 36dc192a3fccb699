package org.cinema.etl.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.cinema.common.error.ErrorCode;
import org.cinema.etl.job.EtlRunner;
import org.cinema.etl.job.RunSummary;
import org.cinema.etl.platform.EtlDatabases;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /etl/api/runs} starts the job and answers 202 at once with the run and its Location
 * (409 while another run holds the lock); {@code GET /etl/api/runs/{id}} follows it; {@code POST
 * /etl/api/runs/{id}/restart} restarts a failed run from its checkpoint; {@code GET /etl/api/runs}
 * lists recent runs with per-step counts (so far, for a running one) and durations. Administrators
 * only.
 *
 * <p>{@code failAfterRows} and {@code chunkPauseMillis} are test hooks: refused as unknown unless
 * the server runs with {@code ETL_TEST_HOOKS=true}.
 */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(EtlApi.ADMIN)
public class RunsResource {

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Pattern FAIL_AFTER =
      Pattern.compile("(movie|product|product_movie):[0-9]{1,9}");
  private static final Pattern PAUSE = Pattern.compile("[0-9]{1,4}");
  private static final Pattern PARTITIONS = Pattern.compile("[1-9]|1[0-6]");

  @Inject private EtlRunner runner;

  @Inject private EtlDatabases databases;

  @Inject
  @ConfigProperty(name = "etl.test-hooks", defaultValue = "false")
  private boolean testHooks;

  @Context private HttpServletRequest request;

  @POST
  @Operation(summary = "Start a run of the catalog copy; follow it at its Location")
  @APIResponse(
      responseCode = "202",
      description = "Started: the run as it is now; Location is where to follow it",
      content = @Content(schema = @Schema(implementation = RunSummary.class)))
  @APIResponse(responseCode = "400", description = "A bad parameter")
  @APIResponse(responseCode = "401", description = "No valid token")
  @APIResponse(responseCode = "403", description = "The token lacks the group admin")
  @APIResponse(responseCode = "409", description = "Another run holds the ETL lock")
  @APIResponse(responseCode = "503", description = "The schemas are not migrated yet")
  public Response run(
      @QueryParam("chunkSize") @DefaultValue("1000") String chunkSize,
      @QueryParam("moviePartitions") String moviePartitions,
      @QueryParam("failAfterRows") String failAfterRows,
      @QueryParam("chunkPauseMillis") String chunkPauseMillis)
      throws SQLException {
    if (!testHooks && (failAfterRows != null || chunkPauseMillis != null)) {
      return EtlErrors.response(
          ErrorCode.INVALID_INPUT, "Unknown parameter: failAfterRows and chunkPauseMillis");
    }
    if (!NUMBER.matcher(chunkSize).matches()
        || (moviePartitions != null && !PARTITIONS.matcher(moviePartitions).matches())
        || (failAfterRows != null && !FAIL_AFTER.matcher(failAfterRows).matches())
        || (chunkPauseMillis != null && !PAUSE.matcher(chunkPauseMillis).matches())) {
      return EtlErrors.response(
          ErrorCode.INVALID_INPUT, "chunkSize: a whole number; moviePartitions: 1 to 16");
    }
    if (!databases.ready()) {
      return EtlErrors.response(
          ErrorCode.NOT_READY, "The content and billing schemas are not migrated yet");
    }
    Properties parameters = new Properties();
    parameters.setProperty("chunkSize", chunkSize);
    if (moviePartitions != null) {
      parameters.setProperty("moviePartitions", moviePartitions);
    }
    if (failAfterRows != null) {
      parameters.setProperty("failAfterRows", failAfterRows);
    }
    if (chunkPauseMillis != null) {
      parameters.setProperty("chunkPauseMillis", chunkPauseMillis);
    }
    return started(runner.start(parameters));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One run as it is now, with its steps' counts so far")
  @APIResponse(
      responseCode = "200",
      description = "The run",
      content = @Content(schema = @Schema(implementation = RunSummary.class)))
  @APIResponse(responseCode = "400", description = "id is not a run's execution id")
  @APIResponse(responseCode = "404", description = "No such run")
  public Response run(@PathParam("id") String id) {
    if (!ID.matcher(id).matches()) {
      return EtlErrors.response(ErrorCode.INVALID_INPUT, "id: a run's execution id");
    }
    return runner
        .find(Long.parseLong(id))
        .map(run -> Response.ok(run).build())
        .orElseGet(() -> EtlErrors.response(ErrorCode.RUN_NOT_FOUND, "No run " + id));
  }

  @POST
  @Path("{id}/restart")
  @Operation(summary = "Restart a failed run from its checkpoint; follow it at its Location")
  @APIResponse(
      responseCode = "202",
      description = "Restarted: the new run as it is now",
      content = @Content(schema = @Schema(implementation = RunSummary.class)))
  @APIResponse(responseCode = "400", description = "id is not a run's execution id")
  @APIResponse(responseCode = "404", description = "No such run")
  @APIResponse(
      responseCode = "409",
      description = "Completed, restarted already, or another run holds the ETL lock")
  public Response restart(@PathParam("id") String id) throws SQLException {
    if (!ID.matcher(id).matches()) {
      return EtlErrors.response(ErrorCode.INVALID_INPUT, "id: a run's execution id");
    }
    long execution = Long.parseLong(id);
    return switch (runner.restartable(execution)) {
      case NO_SUCH_RUN -> EtlErrors.response(ErrorCode.RUN_NOT_FOUND, "No run " + id);
      case NO ->
          EtlErrors.response(
              ErrorCode.RUN_NOT_RESTARTABLE,
              "Only a failed or stopped run, not restarted yet, can be restarted");
      case YES -> started(runner.restart(execution));
    };
  }

  @GET
  @Operation(summary = "Recent runs, newest first, with per-step counts and durations")
  @APIResponse(
      responseCode = "200",
      description = "The runs",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RunSummary.class)))
  @APIResponse(responseCode = "400", description = "limit is not a whole number")
  public Response recent(@QueryParam("limit") @DefaultValue("20") String limit) {
    if (!NUMBER.matcher(limit).matches()) {
      return EtlErrors.response(ErrorCode.INVALID_INPUT, "limit: a whole number");
    }
    return Response.ok(runner.recent(Math.min(Integer.parseInt(limit), 200))).build();
  }

  /**
   * 202 with the run and where to follow it: a path on this server, not a URL built from the
   * request's Host header.
   */
  private Response started(Optional<Long> execution) {
    if (execution.isEmpty()) {
      return EtlErrors.response(ErrorCode.RUN_IN_PROGRESS, "Another run holds the ETL lock");
    }
    long id = execution.get();
    return Response.status(Response.Status.ACCEPTED)
        .header("Location", request.getContextPath() + "/api/runs/" + id)
        .entity(runner.find(id).orElseThrow())
        .build();
  }
}
