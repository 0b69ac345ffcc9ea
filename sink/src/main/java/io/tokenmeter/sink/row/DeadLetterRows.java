package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.DeadLetter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** {@code DeadLetter} records from the dead-letter topic to {@code tokenmeter_dead_letters}. */
public final class DeadLetterRows implements RowMapper<DeadLetter> {

  @Override
  public SinkTable table() {
    return SinkTable.DEAD_LETTERS;
  }

  @Override
  public Class<DeadLetter> recordType() {
    return DeadLetter.class;
  }

  @Override
  public List<Object> payload(DeadLetter letter) {
    List<Object> row = new ArrayList<>(table().columns().size());
    row.add(letter.getOriginalTopic());
    row.add(letter.getOriginalPartition());
    row.add(letter.getOriginalOffset());
    row.add(letter.getOriginalTimestamp());
    row.add(hex(letter.getKey()));
    row.add(hex(letter.getValue()));
    row.add(letter.getReason().name());
    row.add(letter.getReasonMessage());
    row.add(letter.getStage());
    row.add(letter.getExceptionClass());
    row.add(letter.getFailedAt());
    return row;
  }

  /** Lower-case hex of the bytes, or null; {@code unhex()} in ClickHouse gives them back. */
  static String hex(ByteBuffer bytes) {
    if (bytes == null) {
      return null;
    }
    ByteBuffer view = bytes.duplicate();
    byte[] copy = new byte[view.remaining()];
    view.get(copy);
    return HexFormat.of().formatHex(copy);
  }

  static String hex(byte[] bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes);
  }
}
