package io.tokenmeter.pricing.match;

import io.tokenmeter.schema.v1.MatchKind;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One match rule of a price, compared with a normalized model name (see {@link ModelNames}). String
 * rules compare lower-cased text; REGEX is a full match ({@link java.util.regex.Matcher#matches})
 * of the normalized name; UNKNOWN (a kind from a newer writer) never matches.
 */
public record NameRule(MatchKind kind, String value) {

  public NameRule {
    Objects.requireNonNull(kind, "match rule kind");
    Objects.requireNonNull(value, "match rule value");
    if (kind != MatchKind.REGEX) {
      value = ModelNames.normalize(value);
    } else {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "match rule regex '" + value + "' does not compile; fix it: " + e.getDescription(), e);
      }
    }
  }

  public static NameRule equalTo(String value) {
    return new NameRule(MatchKind.EQUALS, value);
  }

  public static NameRule startsWith(String value) {
    return new NameRule(MatchKind.STARTS_WITH, value);
  }

  public static NameRule regex(String value) {
    return new NameRule(MatchKind.REGEX, value);
  }

  /** True when the (already normalized) model name satisfies this rule. */
  public boolean matches(String normalizedName) {
    switch (kind) {
      case EQUALS:
        return normalizedName.equals(value);
      case STARTS_WITH:
        return normalizedName.startsWith(value);
      case ENDS_WITH:
        return normalizedName.endsWith(value);
      case CONTAINS:
        return normalizedName.contains(value);
      case REGEX:
        return CompiledPatterns.get(value).matcher(normalizedName).matches();
      default:
        return false;
    }
  }

  /**
   * Orders pattern rules from most to least specific, so overlapping rules resolve the same way
   * whatever order prices arrived in: exact, then prefix, suffix, substring (longer value first),
   * then regex.
   */
  int specificityRank() {
    switch (kind) {
      case EQUALS:
        return 0;
      case STARTS_WITH:
        return 1;
      case ENDS_WITH:
        return 2;
      case CONTAINS:
        return 3;
      case REGEX:
        return 4;
      default:
        return 5;
    }
  }
}
