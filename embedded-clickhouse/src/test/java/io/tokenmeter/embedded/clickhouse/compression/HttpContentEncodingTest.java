package io.tokenmeter.embedded.clickhouse.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpContentEncodingTest {

  private static final byte[] TEXT =
      "SELECT 1 -- repeated repeated repeated repeated"
          .repeat(100)
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldRoundTripEveryEncoding() throws CorruptCompressedDataException {
    for (HttpContentEncoding encoding : HttpContentEncoding.values()) {
      byte[] encoded = encoding.encode(TEXT);
      assertThat(encoded.length).as(encoding.token()).isLessThan(TEXT.length);
      assertThat(encoding.decode(encoded, TEXT.length)).as(encoding.token()).isEqualTo(TEXT);
    }
  }

  @Test
  void shouldDecodeTheDriversLz4FrameFormat() throws Exception {
    var sink = new java.io.ByteArrayOutputStream();
    try (var out =
        new com.clickhouse.client.internal.org.apache.commons.compress.compressors.lz4
            .FramedLZ4CompressorOutputStream(sink)) {
      out.write(TEXT);
    }
    assertThat(HttpContentEncoding.LZ4.decode(sink.toByteArray(), TEXT.length)).isEqualTo(TEXT);
  }

  @Test
  void shouldNegotiateTheFirstSupportedEncodingInClientOrder() {
    assertThat(HttpContentEncoding.negotiate("br, lz4, gzip")).contains(HttpContentEncoding.LZ4);
    assertThat(HttpContentEncoding.negotiate("GZIP;q=0.5")).contains(HttpContentEncoding.GZIP);
    assertThat(HttpContentEncoding.negotiate("gzip;q=0, deflate"))
        .contains(HttpContentEncoding.DEFLATE);
    assertThat(HttpContentEncoding.negotiate("br, zstd")).isEmpty();
  }

  @Test
  void shouldRefuseToInflateBeyondTheLimitAndReportGarbage() {
    byte[] encoded = HttpContentEncoding.GZIP.encode(TEXT);
    assertThatThrownBy(() -> HttpContentEncoding.GZIP.decode(encoded, TEXT.length - 1))
        .isInstanceOf(CorruptCompressedDataException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> HttpContentEncoding.LZ4.decode(TEXT, TEXT.length))
        .isInstanceOf(CorruptCompressedDataException.class)
        .hasMessageContaining("lz4");
  }
}
