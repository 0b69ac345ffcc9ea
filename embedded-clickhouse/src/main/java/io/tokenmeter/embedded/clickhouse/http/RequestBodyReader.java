package io.tokenmeter.embedded.clickhouse.http;

import com.sun.net.httpserver.HttpExchange;
import io.tokenmeter.embedded.clickhouse.compression.CorruptCompressedDataException;
import io.tokenmeter.embedded.clickhouse.compression.HttpContentEncoding;
import io.tokenmeter.embedded.clickhouse.compression.NativeBlockDecompressor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a whole request body within the size limit and undoes its compression: HTTP {@code
 * Content-Encoding} first, then ClickHouse's native blocks when the URL says {@code decompress=1}.
 */
final class RequestBodyReader {

  private final long maxBytes;

  RequestBodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The decoded body (possibly empty); throws 413 beyond the limit, 400 when it cannot decode. */
  byte[] read(HttpExchange exchange, QueryParameters parameters, String version)
      throws IOException, ClickHouseError {
    byte[] raw = readBounded(exchange.getRequestBody(), version);
    String contentEncoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    try {
      byte[] body = raw;
      if (contentEncoding != null
          && !contentEncoding.isBlank()
          && !contentEncoding.strip().equalsIgnoreCase("identity")) {
        Optional<HttpContentEncoding> encoding = HttpContentEncoding.named(contentEncoding);
        if (encoding.isEmpty()) {
          throw ClickHouseError.of(
              ErrorCodes.BAD_ARGUMENTS,
              "Request Content-Encoding '"
                  + contentEncoding
                  + "' is not supported by the embedded"
                  + " endpoint; use one of "
                  + HttpContentEncoding.SUPPORTED,
              version);
        }
        body = encoding.get().decode(body, maxBytes);
      }
      if (parameters.isTrue("decompress")) {
        boolean verify =
            !parameters.isTrue("http_native_compression_disable_checksumming_on_decompress");
        body = new NativeBlockDecompressor(verify, maxBytes).decompress(body);
      }
      return body;
    } catch (CorruptCompressedDataException e) {
      throw ClickHouseError.of(ErrorCodes.CANNOT_DECOMPRESS, e.getMessage(), version);
    }
  }

  private byte[] readBounded(InputStream in, String version) throws IOException, ClickHouseError {
    int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
    byte[] body = in.readNBytes(cap);
    if (body.length > maxBytes) {
      // The rest of the body is drained by the caller before it answers, so that the client reads
      // this error instead of a reset connection, which it would retry with the same body.
      throw ClickHouseError.withStatus(
          ErrorCodes.LIMIT_EXCEEDED,
          413,
          "The request body is larger than the embedded endpoint's limit of "
              + maxBytes
              + " bytes; send smaller batches or raise maxRequestBytes",
          version);
    }
    return body;
  }
}
