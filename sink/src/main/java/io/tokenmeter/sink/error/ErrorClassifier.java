package io.tokenmeter.sink.error;

import com.clickhouse.client.api.ServerException;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.serde.AvroSerdeException;
import io.tokenmeter.sink.row.RowMappingException;
import io.tokenmeter.sink.writer.RowEncodingException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a failure is retriable or poison, by ClickHouse error code for
 * server errors and by failure kind for decoding errors.
 *
 * <p>Unknown server codes and unknown exceptions are RETRIABLE: the sink must never lose a row, and
 * a problem nobody anticipated (a dropped table, a revoked grant) is fixed by an operator, after
 * which the retried batch lands. The retries metric and the WARN log make such a stall visible.
 */
public final class ErrorClassifier {

  /**
   * Codes that mean "this data is invalid": retrying cannot help, the row goes to dead letters. 6
   * CANNOT_PARSE_TEXT, 26 CANNOT_PARSE_QUOTED_STRING, 27 CANNOT_PARSE_INPUT_ASSERTION_FAILED, 38
   * CANNOT_PARSE_DATE, 41 CANNOT_PARSE_DATETIME, 53 TYPE_MISMATCH, 69 ARGUMENT_OUT_OF_BOUND, 70
   * CANNOT_CONVERT_TYPE, 72 CANNOT_PARSE_NUMBER, 117 INCORRECT_DATA, 131 TOO_LARGE_STRING_SIZE, 321
   * VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE, 407 DECIMAL_OVERFLOW, 469 VIOLATED_CONSTRAINT.
   */
  static final Set<Integer> POISON_CODES =
      Set.of(6, 26, 27, 38, 41, 53, 69, 70, 72, 117, 131, 321, 407, 469);

  /**
   * Codes known to be transient (documented, not needed for the decision since unknown codes are
   * retried too; they are logged as expected rather than unclassified). 3 UNEXPECTED_END_OF_FILE,
   * 159 TIMEOUT_EXCEEDED, 164 READONLY, 202 TOO_MANY_SIMULTANEOUS_QUERIES, 203 NO_FREE_CONNECTION,
   * 209 SOCKET_TIMEOUT, 210 NETWORK_ERROR, 236 ABORTED, 241 MEMORY_LIMIT_EXCEEDED, 242
   * TABLE_IS_READ_ONLY, 252 TOO_MANY_PARTS, 285 TOO_FEW_LIVE_REPLICAS, 319
   * UNKNOWN_STATUS_OF_INSERT, 394 QUERY_WAS_CANCELLED, 425 SYSTEM_ERROR, 999 KEEPER_EXCEPTION.
   */
  static final Set<Integer> RETRIABLE_CODES =
      Set.of(3, 159, 164, 202, 203, 209, 210, 236, 241, 242, 252, 285, 319, 394, 425, 999);

  /** clickhouse-jdbc's SQLState for a value it cannot encode into the statement. */
  private static final String DRIVER_ENCODING_STATE = "07000";

  private static final Pattern CODE_IN_MESSAGE = Pattern.compile("Code: (\\d+)\\. DB::Exception");

  /** RETRIABLE or POISON for any failure while decoding, mapping or inserting. */
  public ErrorKind classify(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RowMappingException || t instanceof RowEncodingException) {
        return ErrorKind.POISON;
      }
      if (t instanceof AvroSerdeException serde) {
        return switch (serde.failure()) {
          case REGISTRY_UNAVAILABLE, REGISTRY_ERROR -> ErrorKind.RETRIABLE;
          default -> ErrorKind.POISON;
        };
      }
      if (t instanceof java.sql.SQLException sql
          && DRIVER_ENCODING_STATE.equals(sql.getSQLState())) {
        return ErrorKind.POISON;
      }
    }
    int code = clickHouseCode(failure);
    return POISON_CODES.contains(code) ? ErrorKind.POISON : ErrorKind.RETRIABLE;
  }

  /** True when the failure is a server code this class does not know; logged louder. */
  public boolean isUnclassified(Throwable failure) {
    int code = clickHouseCode(failure);
    return code > 0 && !POISON_CODES.contains(code) && !RETRIABLE_CODES.contains(code);
  }

  /** The dead-letter reason for a POISON failure. */
  public DeadLetterReason deadLetterReason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RowMappingException) {
        return DeadLetterReason.INVALID_EVENT;
      }
      if (t instanceof AvroSerdeException serde) {
        return switch (serde.failure()) {
          case BAD_MAGIC_BYTE -> DeadLetterReason.BAD_MAGIC_BYTE;
          case UNKNOWN_SCHEMA_ID, SCHEMA_NOT_REGISTERED -> DeadLetterReason.UNKNOWN_SCHEMA_ID;
          case TRUNCATED -> DeadLetterReason.TRUNCATED;
          case INCOMPATIBLE_SCHEMA -> DeadLetterReason.INCOMPATIBLE_SCHEMA;
          default -> DeadLetterReason.UNDECODABLE;
        };
      }
    }
    return DeadLetterReason.SINK_REJECTED;
  }

  /**
   * The ClickHouse error code in the failure's cause chain, or 0. clickhouse-jdbc 0.9.4 always
   * reports {@code SQLException.getErrorCode() == 0}; the code is on the {@link ServerException}
   * cause, and in the message as {@code Code: N. DB::Exception}.
   */
  public static int clickHouseCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ServerException server && server.getCode() > 0) {
        return server.getCode();
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        Matcher matcher = CODE_IN_MESSAGE.matcher(t.getMessage());
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
    }
    return 0;
  }
}
