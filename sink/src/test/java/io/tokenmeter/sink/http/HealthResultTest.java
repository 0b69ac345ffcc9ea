package io.tokenmeter.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.sink.SinkStatus.Phase;
import io.tokenmeter.sink.SinkStatus.Snapshot;
import org.junit.jupiter.api.Test;

class HealthResultTest {

  @Test
  void shouldRenderTheReasonAndStateAsOneJsonLine() {
    Snapshot snapshot = new Snapshot(Phase.RUNNING, null, true, true, 3, 1, "x", null);
    assertThat(new HealthResult(false, "1 partition(s) retrying").toJson(snapshot))
        .isEqualTo(
            "{\"status\":\"DOWN\",\"reason\":\"1 partition(s) retrying\",\"phase\":\"RUNNING\","
                + "\"migrated\":true,\"assignedPartitions\":3,\"retryingPartitions\":1}\n");
  }

  @Test
  void shouldEscapeQuotesBackslashesAndControlCharactersOfErrorMessages() {
    assertThat(HealthResult.quote("Code: 60. \"t\" a\\b\nnext\u0001"))
        .isEqualTo("\"Code: 60. \\\"t\\\" a\\\\b\\nnext\\u0001\"");
  }

  @Test
  void shouldMapUpTo200AndDownTo503() {
    assertThat(new HealthResult(true, "ok").httpStatus()).isEqualTo(200);
    assertThat(new HealthResult(false, "no").httpStatus()).isEqualTo(503);
  }
}
