package io.tokenmeter.embedded.clickhouse.http;

import com.sun.net.httpserver.Headers;
import io.tokenmeter.embedded.clickhouse.compression.HttpContentEncoding;
import io.tokenmeter.embedded.clickhouse.compression.NativeBlockCompressor;
import java.util.Optional;

/**
 * How a successful response body is compressed, decided before the query runs so that a refusal
 * never follows a side effect.
 *
 * <p>HTTP compression ({@code enable_http_compression=1} with {@code Accept-Encoding}) wins over
 * {@code compress=1}, as in clickhouse-jdbc, which checks {@code Content-Encoding} first.
 *
 * @param httpEncoding the {@code Content-Encoding} to apply, if any
 * @param nativeBlocks whether to frame the body as ClickHouse native LZ4 blocks
 */
record ResponseCompression(Optional<HttpContentEncoding> httpEncoding, boolean nativeBlocks) {

  private static final NativeBlockCompressor NATIVE = new NativeBlockCompressor();

  static ResponseCompression negotiate(Headers headers, QueryParameters parameters, String version)
      throws ClickHouseError {
    String accept = headers.getFirst("Accept-Encoding");
    if (parameters.isTrue("enable_http_compression") && accept != null && !accept.isBlank()) {
      Optional<HttpContentEncoding> encoding = HttpContentEncoding.negotiate(accept);
      if (encoding.isEmpty()) {
        throw ClickHouseError.of(
            ErrorCodes.BAD_ARGUMENTS,
            "None of the encodings in Accept-Encoding '"
                + accept
                + "' is supported by the"
                + " embedded endpoint; accept one of "
                + HttpContentEncoding.SUPPORTED
                + ", or drop enable_http_compression",
            version);
      }
      return new ResponseCompression(encoding, false);
    }
    return new ResponseCompression(Optional.empty(), parameters.isTrue("compress"));
  }

  /** The body as it goes on the wire; an empty body stays empty (zero native blocks). */
  byte[] apply(byte[] body) {
    if (httpEncoding.isPresent()) {
      return httpEncoding.get().encode(body);
    }
    return nativeBlocks ? NATIVE.compress(body) : body;
  }
}
