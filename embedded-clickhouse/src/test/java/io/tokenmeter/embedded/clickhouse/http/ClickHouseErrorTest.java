package io.tokenmeter.embedded.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickHouseErrorTest {

  @ParameterizedTest
  @CsvSource({
    "62,400", "27,400", "60,404", "81,404", "194,401", "516,403", "48,501", "159,408", "241,500",
    "0,500"
  })
  void shouldUseClickHousesHttpStatusForEachCode(int code, int status) {
    assertThat(ErrorCodes.httpStatus(code)).isEqualTo(status);
  }

  @Test
  void shouldTakeTheCodeFromTheEngineTextSoHeaderAndBodyAgree() {
    ClickHouseError error =
        ClickHouseError.fromEngine(
            0, "Code: 60. DB::Exception: Unknown table 'x'. (UNKNOWN_TABLE)", "26.5.1.1");
    assertThat(error.code()).isEqualTo(60);
    assertThat(error.httpStatus()).isEqualTo(404);
    assertThat(new String(error.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "Code: 60. DB::Exception: Unknown table 'x'. (UNKNOWN_TABLE) (version 26.5.1.1)\n");
  }

  @Test
  void shouldWrapEngineTextWithoutCodeInClickHousesLayout() {
    ClickHouseError error = ClickHouseError.fromEngine(0, "boom", "26.5.1.1");
    assertThat(error.code()).isEqualTo(1002);
    assertThat(error.getMessage()).isEqualTo("Code: 1002. DB::Exception: boom (version 26.5.1.1)");
  }

  @Test
  void shouldAlwaysProduceABodyLongerThanTheDriversFrameProbe() {
    ClickHouseError error = ClickHouseError.fromEngine(5, "", "1");
    assertThat(error.body().length).isGreaterThanOrEqualTo(25);
  }
}
