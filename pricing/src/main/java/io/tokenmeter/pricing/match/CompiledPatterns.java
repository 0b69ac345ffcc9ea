package io.tokenmeter.pricing.match;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** Caches compiled match-rule regexes: records stay plain values, matching stays cheap. */
final class CompiledPatterns {

  private static final ConcurrentMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private CompiledPatterns() {}

  static Pattern get(String regex) {
    return CACHE.computeIfAbsent(regex, Pattern::compile);
  }
}
