package org.cinema.admin.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Shows billing's instants in UTC, to the minute ({@code f:convertDateTime} of this Faces version
 * has no type for {@code Instant}). Output only: nothing on the pages submits an instant.
 */
@FacesConverter(forClass = Instant.class)
public class InstantConverter implements Converter<Instant> {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Override
  public Instant getAsObject(FacesContext context, UIComponent component, String value) {
    return value == null || value.isBlank() ? null : Instant.parse(value);
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Instant value) {
    return value == null ? "" : FORMAT.format(value);
  }
}
