package io.tokenmeter.pricing.match;

import io.tokenmeter.schema.v1.MatchKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the canonical model id of a reported model name among the models of ONE provider.
 * Immutable; build it with {@link #builder()}.
 *
 * <p>Order, so the result never depends on the order prices arrived in: for each candidate name of
 * {@link ModelNames#candidates} (most specific first), an exact hit on a canonical id, an alias or
 * an EQUALS rule; only then, for each candidate, the pattern rules from most to least specific
 * (prefix, suffix, substring with longer values first, then regex; ties by model id).
 */
public final class ModelMatcher {

  private final Map<String, String> exactNames;
  private final List<RuleOfModel> patternRules;

  private ModelMatcher(Map<String, String> exactNames, List<RuleOfModel> patternRules) {
    this.exactNames = Map.copyOf(exactNames);
    this.patternRules = List.copyOf(patternRules);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The canonical model id for {@code reportedName}, if any model of this provider matches. */
  public Optional<String> match(String reportedName) {
    List<String> candidates = ModelNames.candidates(reportedName);
    for (String candidate : candidates) {
      String model = exactNames.get(candidate);
      if (model != null) {
        return Optional.of(model);
      }
    }
    for (String candidate : candidates) {
      for (RuleOfModel rule : patternRules) {
        if (rule.rule().matches(candidate)) {
          return Optional.of(rule.model());
        }
      }
    }
    return Optional.empty();
  }

  private record RuleOfModel(NameRule rule, String model) {}

  /** Collects models with their aliases and rules. Not thread-safe. */
  public static final class Builder {

    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final List<RuleOfModel> rules = new ArrayList<>();

    private Builder() {}

    /** Adds a model; a name claimed by two models goes to the smaller model id. */
    public Builder add(String model, List<String> modelAliases, List<NameRule> modelRules) {
      String id = ModelNames.normalize(model);
      canonical.put(id, id);
      for (String alias : modelAliases) {
        aliases.merge(ModelNames.normalize(alias), id, Builder::smaller);
      }
      for (NameRule rule : modelRules) {
        if (rule.kind() == MatchKind.EQUALS) {
          aliases.merge(rule.value(), id, Builder::smaller);
        } else {
          rules.add(new RuleOfModel(rule, id));
        }
      }
      return this;
    }

    public ModelMatcher build() {
      Map<String, String> exact = new HashMap<>(aliases);
      // A canonical id always names its own model, whatever alias another model declares.
      exact.putAll(canonical);
      List<RuleOfModel> sorted = new ArrayList<>(rules);
      sorted.sort(
          Comparator.comparingInt((RuleOfModel r) -> r.rule().specificityRank())
              .thenComparing(r -> -r.rule().value().length())
              .thenComparing(RuleOfModel::model)
              .thenComparing(r -> r.rule().value()));
      return new ModelMatcher(exact, sorted);
    }

    private static String smaller(String a, String b) {
      return a.compareTo(b) <= 0 ? a : b;
    }
  }
}
