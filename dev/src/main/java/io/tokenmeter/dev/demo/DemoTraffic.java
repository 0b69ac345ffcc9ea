package io.tokenmeter.dev.demo;

import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo's usage events: a fixed cycle of calls over three tenants, four providers' models,
 * cached and reasoning tokens. {@link DemoBudgets#OVERSPENDING_TENANT} makes the largest calls so
 * that it crosses its small daily budget within the first minute at the default rate.
 */
public final class DemoTraffic {

  /** The calls, in the order the cycle repeats them. */
  public static final List<DemoCall> CYCLE =
      List.of(
          new DemoCall(
              DemoBudgets.OVERSPENDING_TENANT,
              "contract-review",
              "anthropic",
              "claude-sonnet-4-5",
              40_000,
              30_000,
              2_000,
              1_500,
              0),
          new DemoCall("globex", "support-bot", "openai", "gpt-4o", 1_200, 1_024, 0, 300, 0),
          new DemoCall(
              "initech", "report-writer", "google", "gemini-2.5-flash", 3_000, 0, 0, 800, 500),
          new DemoCall(
              DemoBudgets.OVERSPENDING_TENANT,
              "code-agent",
              "openai",
              "o3-mini",
              6_000,
              4_096,
              0,
              5_000,
              4_000),
          new DemoCall("globex", "triage", "anthropic", "claude-haiku-4-5", 2_500, 0, 0, 200, 0),
          new DemoCall("initech", "search", "openai", "gpt-4o-mini", 800, 0, 0, 150, 0));

  private final Clock clock;
  private final String runId;
  private long sequence;

  /**
   * @param runId distinguishes the event ids of one run from those of earlier runs on the same data
   */
  public DemoTraffic(Clock clock, String runId) {
    this.clock = clock;
    this.runId = runId;
  }

  /** The next event of the cycle, timed now by the clock. */
  public synchronized UsageEvent next() {
    DemoCall call = CYCLE.get((int) (sequence % CYCLE.size()));
    String eventId = "demo-" + runId + "-" + sequence;
    sequence++;
    return UsageEvent.newBuilder()
        .setEventId(eventId)
        .setEventTime(clock.instant())
        .setTenantId(call.tenantId())
        .setWorkflowId(call.workflowId())
        .setOperation("demo")
        .setTags(Map.of("source", "tokenmeter-dev"))
        .setProvider(call.provider())
        .setModel(call.model())
        .setUsage(usage(call))
        .setUsageComplete(true)
        .build();
  }

  /** How many events {@link #next} has made. */
  public synchronized long produced() {
    return sequence;
  }

  private static TokenUsage usage(DemoCall call) {
    return TokenUsage.newBuilder()
        .setInputTokens(call.inputTokens())
        .setCacheReadTokens(call.cacheReadTokens())
        .setCacheWriteTokens(call.cacheWriteTokens())
        .setCacheWrite5mTokens(call.cacheWriteTokens())
        .setCacheWrite1hTokens(0L)
        .setOutputTokens(call.outputTokens())
        .setReasoningTokens(call.reasoningTokens())
        .setAudioInputTokens(0)
        .setCacheAudioReadTokens(0)
        .setAudioOutputTokens(0)
        .setOtherUnits(Map.of())
        .build();
  }
}
