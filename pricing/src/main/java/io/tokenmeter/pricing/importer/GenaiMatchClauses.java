package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmeter.pricing.match.ModelNames;
import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.schema.v1.MatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a genai-prices {@code match} clause into aliases and match rules. An {@code or} becomes
 * several rules (a price's rules are OR-ed); {@code equals} becomes an alias; an {@code and}, which
 * rules cannot express one by one, becomes a single regex of lookaheads. genai-prices tests regexes
 * with a search, rules with a full match, so a regex is wrapped to keep its meaning.
 */
final class GenaiMatchClauses {

  private static final Map<String, MatchKind> STRING_KINDS =
      Map.of(
          "starts_with", MatchKind.STARTS_WITH,
          "ends_with", MatchKind.ENDS_WITH,
          "contains", MatchKind.CONTAINS);

  final List<String> aliases = new ArrayList<>();
  final List<NameRule> rules = new ArrayList<>();

  static GenaiMatchClauses of(JsonNode clause) {
    GenaiMatchClauses result = new GenaiMatchClauses();
    result.add(clause);
    return result;
  }

  private void add(JsonNode clause) {
    if (clause.has("or")) {
      clause.get("or").forEach(this::add);
    } else if (clause.has("equals")) {
      aliases.add(ModelNames.normalize(clause.get("equals").asText()));
    } else if (clause.has("regex")) {
      rules.add(NameRule.regex(searchAsFullMatch(clause.get("regex").asText())));
    } else if (clause.has("and")) {
      rules.add(NameRule.regex(lookaheads(clause)));
    } else {
      String key = clause.fieldNames().next();
      MatchKind kind = STRING_KINDS.get(key);
      if (kind == null) {
        throw new IllegalArgumentException("unknown match clause '" + key + "'");
      }
      rules.add(new NameRule(kind, clause.get(key).asText()));
    }
  }

  /** A full-match regex equivalent to searching for {@code regex}. */
  static String searchAsFullMatch(String regex) {
    if (regex.startsWith("^") && regex.endsWith("$") && !regex.endsWith("\\$")) {
      return regex;
    }
    return ".*?(?:" + regex + ").*";
  }

  private static String lookaheads(JsonNode clause) {
    StringBuilder regex = new StringBuilder();
    for (JsonNode part : clause.get("and")) {
      regex.append("(?=").append(lookahead(part)).append(')');
    }
    return regex.append(".*").toString();
  }

  private static String lookahead(JsonNode part) {
    if (part.has("or")) {
      List<String> options = new ArrayList<>();
      part.get("or").forEach(p -> options.add(lookahead(p)));
      return "(?:" + String.join("|", options) + ")";
    }
    if (part.has("and")) {
      return lookaheads(part);
    }
    String key = part.fieldNames().next();
    String value = part.get(key).asText();
    String quoted = Pattern.quote(ModelNames.normalize(value));
    switch (key) {
      case "equals":
        return quoted + "$";
      case "starts_with":
        return quoted;
      case "ends_with":
        return ".*" + quoted + "$";
      case "contains":
        return ".*" + quoted;
      case "regex":
        return ".*?(?:" + value + ")";
      default:
        throw new IllegalArgumentException("unknown match clause '" + key + "'");
    }
  }
}
