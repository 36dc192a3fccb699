package org.cinema.common.json;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;

/**
 * JSON-P builders and readers from one provider, found once. {@code jakarta.json.Json}'s static
 * methods look the provider up again on every call (a service-loader scan of the class path): on
 * the renewal path that scan was a twentieth of the server's CPU.
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonReader reader(Reader reader) {
    return PROVIDER.createReader(reader);
  }
}
