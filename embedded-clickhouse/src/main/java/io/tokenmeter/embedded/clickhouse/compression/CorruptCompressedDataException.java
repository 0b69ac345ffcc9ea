package io.tokenmeter.embedded.clickhouse.compression;

/** A compressed request body could not be decoded: bad framing, checksum or LZ4 data. */
public final class CorruptCompressedDataException extends Exception {

  public CorruptCompressedDataException(String message) {
    super(message);
  }

  public CorruptCompressedDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
