package io.tokenmeter.dev.demo;

/**
 * One kind of call the demo makes, with the token counts of {@code TokenUsage} (input includes
 * cache reads and writes, output includes reasoning).
 */
public record DemoCall(
    String tenantId,
    String workflowId,
    String provider,
    String model,
    long inputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long outputTokens,
    long reasoningTokens) {

  public DemoCall {
    if (cacheReadTokens + cacheWriteTokens > inputTokens || reasoningTokens > outputTokens) {
      throw new IllegalArgumentException(
          "cache reads + writes must fit in input and reasoning in output: " + model);
    }
  }
}
