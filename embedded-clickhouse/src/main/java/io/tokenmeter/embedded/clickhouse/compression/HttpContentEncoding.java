package io.tokenmeter.embedded.clickhouse.compression;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The HTTP {@code Content-Encoding}s the endpoint speaks when a client sets {@code
 * enable_http_compression=1} (clickhouse-jdbc's {@code client.use_http_compression=true}). {@code
 * lz4} is the LZ4 <em>frame</em> format here, unlike the block framing of {@code compress=1}.
 */
public enum HttpContentEncoding {
  GZIP("gzip"),
  DEFLATE("deflate"),
  LZ4("lz4");

  /** The encodings as a client-facing list, for error messages. */
  public static final String SUPPORTED = "gzip, deflate, lz4";

  private final String token;

  HttpContentEncoding(String token) {
    this.token = token;
  }

  /** The value of the {@code Content-Encoding} header. */
  public String token() {
    return token;
  }

  /** The encoding named by a {@code Content-Encoding} header value, if this endpoint speaks it. */
  public static Optional<HttpContentEncoding> named(String headerValue) {
    String wanted = headerValue.trim().toLowerCase(Locale.ROOT);
    for (HttpContentEncoding encoding : values()) {
      if (encoding.token.equals(wanted)) {
        return Optional.of(encoding);
      }
    }
    return Optional.empty();
  }

  /**
   * The first encoding in an {@code Accept-Encoding} list this endpoint speaks, in the client's
   * order; quality values other than {@code q=0} are not ranked.
   */
  public static Optional<HttpContentEncoding> negotiate(String acceptEncoding) {
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.split(";");
      boolean refused = parts.length > 1 && parts[1].trim().matches("q=0(\\.0*)?");
      Optional<HttpContentEncoding> encoding = named(parts[0]);
      if (encoding.isPresent() && !refused) {
        return encoding;
      }
    }
    return Optional.empty();
  }

  /** Encodes a whole response body. */
  public byte[] encode(byte[] body) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream(body.length / 2 + 64);
    try (OutputStream out = encoder(sink)) {
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory " + token + " encoding failed", e);
    }
    return sink.toByteArray();
  }

  /** Decodes a whole request body, refusing to inflate beyond {@code maxOutputBytes}. */
  public byte[] decode(byte[] body, long maxOutputBytes) throws CorruptCompressedDataException {
    try (InputStream in = decoder(new ByteArrayInputStream(body))) {
      byte[] decoded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxOutputBytes + 1));
      if (decoded.length > maxOutputBytes) {
        throw new CorruptCompressedDataException(
            "The "
                + token
                + " request body inflates beyond the limit of "
                + maxOutputBytes
                + " bytes");
      }
      return decoded;
    } catch (IOException | RuntimeException e) {
      throw new CorruptCompressedDataException(
          "Cannot decode the request body as Content-Encoding " + token + ": " + e.getMessage(), e);
    }
  }

  private OutputStream encoder(OutputStream sink) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPOutputStream(sink, 64 * 1024);
      case DEFLATE -> new DeflaterOutputStream(sink);
      // Pure-Java codecs: no JNI library and no sun.misc.Unsafe warnings on JDK 25.
      case LZ4 ->
          new LZ4FrameOutputStream(
              sink,
              LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
              -1L,
              LZ4Factory.safeInstance().fastCompressor(),
              XXHashFactory.safeInstance().hash32(),
              LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE);
    };
  }

  private InputStream decoder(InputStream source) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPInputStream(source);
      case DEFLATE -> new InflaterInputStream(source);
      case LZ4 ->
          new LZ4FrameInputStream(
              source,
              LZ4Factory.safeInstance().safeDecompressor(),
              XXHashFactory.safeInstance().hash32());
    };
  }
}
