package io.tokenmeter.sdk.adapter;

/**
 * Provider names written into {@code UsageEvent.provider}. One place, so the pricer's catalog and
 * the adapters agree on spelling; all lower-case as the contract asks.
 */
public final class Providers {
  public static final String OPENAI = "openai";
  public static final String AZURE = "azure";
  public static final String OPENROUTER = "openrouter";
  public static final String ANTHROPIC = "anthropic";
  public static final String AWS_BEDROCK = "aws-bedrock";
  public static final String GOOGLE = "google";
  public static final String GOOGLE_VERTEX = "google-vertex";

  private Providers() {}
}
