package org.cinema.billing.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Swagger UI at {@code /api/openapi} (where the original had it), over the OpenAPI document Payara
 * serves at {@code /openapi}. The UI's files come from the swagger-ui webjar.
 */
@Path("openapi")
@ApplicationScoped
@PermitAll
public class SwaggerUiResource {

  private final String page = render(webjarVersion());

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String page() {
    return page;
  }

  private static String render(String version) {
    // relative to the page (CONTEXT/api/openapi), so it works under any context root
    String assets = "../webjars/swagger-ui/" + version;
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
        + "<title>Cinema billing API</title>"
        + "<link rel=\"stylesheet\" href=\""
        + assets
        + "/swagger-ui.css\"></head><body><div id=\"swagger-ui\"></div>"
        + "<script src=\""
        + assets
        + "/swagger-ui-bundle.js\"></script><script>"
        + "window.ui = SwaggerUIBundle({url: '/openapi', dom_id: '#swagger-ui'});"
        + "</script></body></html>";
  }

  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        SwaggerUiResource.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      properties.load(in);
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(
          new IOException("The swagger-ui webjar is not on the class path", e));
    }
    return properties.getProperty("version");
  }
}
