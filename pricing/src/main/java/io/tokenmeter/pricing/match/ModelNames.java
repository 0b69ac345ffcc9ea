package io.tokenmeter.pricing.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes model names as providers report them and derives the names to try, most specific
 * first: the name itself, then the name without routing prefixes ({@code openai/}, {@code
 * models/}), Bedrock region and vendor prefixes ({@code us.}, {@code anthropic.}), Bedrock version
 * suffixes ({@code -v1:0}), Vertex versions ({@code @20250929}), then without a date suffix ({@code
 * -2024-08-06}, {@code -20250929}).
 */
public final class ModelNames {

  /** Bedrock cross-region inference prefixes. */
  private static final Set<String> BEDROCK_REGIONS =
      Set.of("us", "eu", "apac", "global", "us-gov", "jp", "au", "ca", "regional");

  /** Bedrock model vendor prefixes ({@code anthropic.claude-...}). */
  private static final Set<String> BEDROCK_VENDORS =
      Set.of(
          "anthropic",
          "amazon",
          "meta",
          "mistral",
          "cohere",
          "ai21",
          "deepseek",
          "openai",
          "qwen",
          "writer",
          "moonshotai",
          "moonshot",
          "minimax",
          "google",
          "nvidia",
          "twelvelabs",
          "zai");

  private static final Pattern BEDROCK_VERSION = Pattern.compile("-v\\d+(?::\\d+)?$");
  private static final Pattern VERTEX_VERSION = Pattern.compile("@[a-z0-9._-]+$");
  private static final Pattern COMPACT_DATE =
      Pattern.compile("-(20\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])$");
  private static final Pattern DASHED_DATE =
      Pattern.compile("-20\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$");

  private ModelNames() {}

  /**
   * Trims and lower-cases with {@link Locale#ROOT}, so a Turkish default locale changes nothing.
   */
  public static String normalize(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }

  /** The names to try for {@code rawName}, normalized, most specific first, without repeats. */
  public static List<String> candidates(String rawName) {
    Set<String> names = new LinkedHashSet<>();
    String name = normalize(rawName);
    names.add(name);
    name = addIfChanged(names, name, stripRoutingPrefix(name));
    name = addIfChanged(names, name, stripBedrockRegion(name));
    name = addIfChanged(names, name, stripBedrockVendor(name));
    name = addIfChanged(names, name, BEDROCK_VERSION.matcher(name).replaceFirst(""));
    name = addIfChanged(names, name, VERTEX_VERSION.matcher(name).replaceFirst(""));
    Matcher compact = COMPACT_DATE.matcher(name);
    if (compact.find()) {
      // genai-prices writes some snapshots with a dashed date; try that spelling first.
      names.add(compact.replaceFirst("-$1-$2-$3"));
      names.add(name.substring(0, compact.start()));
    }
    Matcher dashed = DASHED_DATE.matcher(name);
    if (dashed.find()) {
      names.add(name.substring(0, dashed.start()));
    }
    names.remove("");
    return new ArrayList<>(names);
  }

  private static String addIfChanged(Set<String> names, String before, String after) {
    if (!after.equals(before) && !after.isEmpty()) {
      names.add(after);
      return after;
    }
    return before;
  }

  /**
   * {@code openai/gpt-4o} and {@code models/gemini-2.5-pro} name the model after the last slash.
   */
  static String stripRoutingPrefix(String name) {
    int slash = name.lastIndexOf('/');
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  /** {@code us.anthropic.claude-...} becomes {@code anthropic.claude-...}. */
  static String stripBedrockRegion(String name) {
    return stripDottedPrefix(name, BEDROCK_REGIONS);
  }

  /** {@code anthropic.claude-...} becomes {@code claude-...}. */
  static String stripBedrockVendor(String name) {
    return stripDottedPrefix(name, BEDROCK_VENDORS);
  }

  private static String stripDottedPrefix(String name, Set<String> prefixes) {
    int dot = name.indexOf('.');
    return dot > 0 && prefixes.contains(name.substring(0, dot)) ? name.substring(dot + 1) : name;
  }
}
