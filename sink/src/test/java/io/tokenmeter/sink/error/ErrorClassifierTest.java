package io.tokenmeter.sink.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.ServerException;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.serde.AvroSerdeException;
import io.tokenmeter.serde.SerdeFailure;
import io.tokenmeter.sink.row.RowMappingException;
import io.tokenmeter.sink.writer.RowEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

  private final ErrorClassifier classifier = new ErrorClassifier();

  private static SQLException server(int code) {
    // What clickhouse-jdbc 0.9.4 throws: error code 0, the ClickHouse code on the cause.
    return new SQLException(
        "Code: " + code + ". DB::Exception: boom", "22000", new ServerException(code, "boom", 500));
  }

  @ParameterizedTest(name = "code {0} is {1}")
  @CsvSource({
    "252, RETRIABLE", // TOO_MANY_PARTS
    "319, RETRIABLE", // UNKNOWN_STATUS_OF_INSERT
    "241, RETRIABLE", // MEMORY_LIMIT_EXCEEDED
    "159, RETRIABLE", // TIMEOUT_EXCEEDED
    "209, RETRIABLE", // SOCKET_TIMEOUT
    "60, RETRIABLE", // UNKNOWN_TABLE: an operator fixes it, the batch must not be lost
    "407, POISON", // DECIMAL_OVERFLOW
    "27, POISON", // CANNOT_PARSE_INPUT_ASSERTION_FAILED
    "53, POISON", // TYPE_MISMATCH
    "6, POISON", // CANNOT_PARSE_TEXT
  })
  void shouldClassifyClickHouseServerCodes(int code, ErrorKind expected) {
    assertThat(classifier.classify(server(code))).isEqualTo(expected);
  }

  @Test
  void shouldReadTheCodeFromTheMessageWhenNoServerExceptionIsAttached() {
    SQLException plain = new SQLException("Code: 407. DB::Exception: Decimal math overflow");

    assertThat(ErrorClassifier.clickHouseCode(plain)).isEqualTo(407);
    assertThat(classifier.classify(plain)).isEqualTo(ErrorKind.POISON);
  }

  @Test
  void shouldRetryNetworkFailures() {
    assertThat(classifier.classify(new SQLException("x", new ConnectException("refused"))))
        .isEqualTo(ErrorKind.RETRIABLE);
    assertThat(classifier.classify(new SQLException("x", new SocketTimeoutException("slow"))))
        .isEqualTo(ErrorKind.RETRIABLE);
  }

  @Test
  void shouldTreatUndecodableRecordsAsPoisonButAnUnreachableRegistryAsRetriable() {
    assertThat(classifier.classify(new AvroSerdeException(SerdeFailure.BAD_MAGIC_BYTE, "x")))
        .isEqualTo(ErrorKind.POISON);
    assertThat(classifier.classify(new AvroSerdeException(SerdeFailure.REGISTRY_UNAVAILABLE, "x")))
        .isEqualTo(ErrorKind.RETRIABLE);
    assertThat(classifier.classify(new RowMappingException("too many digits")))
        .isEqualTo(ErrorKind.POISON);
    assertThat(
            classifier.classify(
                new RowEncodingException("bad value", new IllegalArgumentException("null"))))
        .isEqualTo(ErrorKind.POISON);
  }

  @Test
  void shouldNameTheDeadLetterReason() {
    assertThat(classifier.deadLetterReason(new AvroSerdeException(SerdeFailure.TRUNCATED, "x")))
        .isEqualTo(DeadLetterReason.TRUNCATED);
    assertThat(
            classifier.deadLetterReason(
                new AvroSerdeException(SerdeFailure.UNKNOWN_SCHEMA_ID, "x")))
        .isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_ID);
    assertThat(
            classifier.deadLetterReason(new AvroSerdeException(SerdeFailure.MALFORMED_AVRO, "x")))
        .isEqualTo(DeadLetterReason.UNDECODABLE);
    assertThat(classifier.deadLetterReason(new RowMappingException("x")))
        .isEqualTo(DeadLetterReason.INVALID_EVENT);
    assertThat(classifier.deadLetterReason(server(407))).isEqualTo(DeadLetterReason.SINK_REJECTED);
  }

  @Test
  void shouldFlagServerCodesItDoesNotKnow() {
    assertThat(classifier.isUnclassified(server(60))).isTrue();
    assertThat(classifier.isUnclassified(server(252))).isFalse();
    assertThat(classifier.isUnclassified(new SQLException("no code"))).isFalse();
  }
}
