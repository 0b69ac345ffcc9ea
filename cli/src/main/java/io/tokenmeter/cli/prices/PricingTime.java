package io.tokenmeter.cli.prices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses {@code --at}: an ISO instant, a date-time with offset, or a date (midnight UTC). */
public final class PricingTime {

  private PricingTime() {}

  public static Instant parse(String text) {
    String value = text.trim();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException(
              "--at '"
                  + text
                  + "' is not an ISO-8601 time; write e.g. 2025-11-06T12:00:00Z,"
                  + " 2025-11-06T13:00:00+01:00 or 2025-11-06",
              notDate);
        }
      }
    }
  }
}
