package org.cinema.etl.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.cinema.etl.job.EtlRunner;
import org.cinema.etl.job.RunSummary;
import org.cinema.etl.platform.EtlDatabases;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /etl/api/runs} runs the job now and answers with its outcome (409 while another run
 * holds the lock); {@code POST /etl/api/runs/{id}/restart} restarts a failed run from its
 * checkpoint; {@code GET /etl/api/runs} lists recent runs with per-step counts and durations.
 */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern FAIL_AFTER =
      Pattern.compile("(movie|product|product_movie):[0-9]{1,9}");
  private static final Pattern PARTITIONS = Pattern.compile("[1-9]|1[0-6]");

  @Inject private EtlRunner runner;

  @Inject private EtlDatabases databases;

  @POST
  @Operation(summary = "Run the catalog copy now and wait for its outcome")
  @APIResponse(
      responseCode = "200",
      description = "The run, finished (or failed: see status)",
      content = @Content(schema = @Schema(implementation = RunSummary.class)))
  @APIResponse(responseCode = "400", description = "A bad parameter")
  @APIResponse(responseCode = "409", description = "Another run holds the ETL lock")
  @APIResponse(responseCode = "503", description = "The schemas are not migrated yet")
  public Response run(
      @QueryParam("chunkSize") @DefaultValue("1000") String chunkSize,
      @QueryParam("failAfterRows") String failAfterRows,
      @QueryParam("moviePartitions") String moviePartitions)
      throws Exception {
    if (!NUMBER.matcher(chunkSize).matches()
        || (failAfterRows != null && !FAIL_AFTER.matcher(failAfterRows).matches())
        || (moviePartitions != null && !PARTITIONS.matcher(moviePartitions).matches())) {
      return error(
          400,
          "INVALID_INPUT",
          "chunkSize: a whole number; failAfterRows: table:rows; moviePartitions: 1 to 16");
    }
    if (!databases.ready()) {
      return error(503, "NOT_READY", "The content and billing schemas are not migrated yet");
    }
    Properties parameters = new Properties();
    parameters.setProperty("chunkSize", chunkSize);
    if (failAfterRows != null) {
      parameters.setProperty("failAfterRows", failAfterRows);
    }
    if (moviePartitions != null) {
      parameters.setProperty("moviePartitions", moviePartitions);
    }
    return outcome(runner.run(parameters));
  }

  @POST
  @Path("{id}/restart")
  @Operation(summary = "Restart a failed run from its checkpoint")
  @APIResponse(
      responseCode = "200",
      description = "The restarted run",
      content = @Content(schema = @Schema(implementation = RunSummary.class)))
  @APIResponse(responseCode = "400", description = "id is not a run's execution id")
  @APIResponse(responseCode = "404", description = "No such run")
  @APIResponse(
      responseCode = "409",
      description = "Completed, restarted already, or another run holds the ETL lock")
  public Response restart(@PathParam("id") String id) throws Exception {
    if (!NUMBER.matcher(id).matches()) {
      return error(400, "INVALID_INPUT", "id: a run's execution id");
    }
    long execution = Long.parseLong(id);
    return switch (runner.restartable(execution)) {
      case NO_SUCH_RUN -> error(404, "NOT_FOUND", "No run " + id);
      case NO ->
          error(
              409,
              "NOT_RESTARTABLE",
              "Only a failed or stopped run, not restarted yet, can be restarted");
      case YES -> outcome(runner.restart(execution));
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
  public Object recent(@QueryParam("limit") @DefaultValue("20") String limit) {
    if (!NUMBER.matcher(limit).matches()) {
      return error(400, "INVALID_INPUT", "limit: a whole number");
    }
    return runner.recent(Math.min(Integer.parseInt(limit), 200));
  }

  private static Response outcome(Optional<RunSummary> run) {
    return run.map(summary -> Response.ok(summary).build())
        .orElseGet(() -> error(409, "RUN_IN_PROGRESS", "Another run holds the ETL lock"));
  }

  private static Response error(int status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", code, "message", message))
        .build();
  }
}
