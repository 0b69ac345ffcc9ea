package io.tokenmeter.embedded.clickhouse.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.internal.ClickHouseLZ4InputStream;
import com.clickhouse.client.api.internal.ClickHouseLZ4OutputStream;
import com.clickhouse.client.internal.net.jpountz.lz4.LZ4Factory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Round trips through the driver's own LZ4 block streams, so both directions match the wire. */
class NativeBlockFramingTest {

  private static final long NO_LIMIT = Long.MAX_VALUE;

  @Test
  void shouldProduceBlocksTheDriverDecodes() throws IOException {
    for (int length : new int[] {1, 46, 1000, 65_536, 300_001}) {
      byte[] body = sample(length);
      byte[] framed = new NativeBlockCompressor(100_000).compress(body);
      assertThat(readWithDriver(framed)).as("length %d", length).isEqualTo(body);
    }
  }

  @Test
  void shouldProduceNoBlocksForAnEmptyBody() {
    assertThat(new NativeBlockCompressor().compress(new byte[0])).isEmpty();
  }

  @Test
  void shouldDecodeBlocksTheDriverSends() throws Exception {
    byte[] body = sample(200_000);
    byte[] framed = writeWithDriver(body);
    assertThat(new NativeBlockDecompressor(true, NO_LIMIT).decompress(framed)).isEqualTo(body);
  }

  @Test
  void shouldRejectAFlippedPayloadByteAsChecksumMismatch() {
    byte[] framed = new NativeBlockCompressor().compress(sample(5000));
    framed[framed.length - 3] ^= 0x40;
    assertThatThrownBy(() -> new NativeBlockDecompressor(true, NO_LIMIT).decompress(framed))
        .isInstanceOf(CorruptCompressedDataException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void shouldRejectATruncatedBlock() {
    byte[] framed = new NativeBlockCompressor().compress(sample(5000));
    byte[] truncated = java.util.Arrays.copyOf(framed, framed.length - 1);
    assertThatThrownBy(() -> new NativeBlockDecompressor(true, NO_LIMIT).decompress(truncated))
        .isInstanceOf(CorruptCompressedDataException.class)
        .hasMessageContaining("does not fit");
  }

  @Test
  void shouldRejectUnknownMethodByte() {
    byte[] framed = new NativeBlockCompressor().compress(sample(100));
    framed[16] = (byte) 0x90;
    assertThatThrownBy(() -> new NativeBlockDecompressor(false, NO_LIMIT).decompress(framed))
        .isInstanceOf(CorruptCompressedDataException.class)
        .hasMessageContaining("0x90");
  }

  @Test
  void shouldRejectPlainTextSentAsCompressed() {
    byte[] plain = "SELECT 1 -- this is not a compressed block".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new NativeBlockDecompressor(true, NO_LIMIT).decompress(plain))
        .isInstanceOf(CorruptCompressedDataException.class);
  }

  @Test
  void shouldRefuseToInflateBeyondTheLimit() {
    byte[] framed = new NativeBlockCompressor().compress(new byte[10_000]);
    assertThatThrownBy(() -> new NativeBlockDecompressor(true, 9_999).decompress(framed))
        .isInstanceOf(CorruptCompressedDataException.class)
        .hasMessageContaining("limit");
  }

  private static byte[] sample(int length) {
    // Half random, half repetitive, so LZ4 emits both literals and matches.
    byte[] data = new byte[length];
    new SplittableRandom(length).nextBytes(data);
    for (int i = length / 2; i < length; i++) {
      data[i] = (byte) ('a' + i % 13);
    }
    return data;
  }

  private static byte[] readWithDriver(byte[] framed) throws IOException {
    try (InputStream in =
        new ClickHouseLZ4InputStream(
            new ByteArrayInputStream(framed),
            LZ4Factory.safeInstance().fastDecompressor(),
            65_536)) {
      return in.readAllBytes();
    }
  }

  private static byte[] writeWithDriver(byte[] body) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (ClickHouseLZ4OutputStream out =
        new ClickHouseLZ4OutputStream(sink, LZ4Factory.safeInstance().fastCompressor(), 65_536)) {
      out.write(body);
    }
    return sink.toByteArray();
  }
}
