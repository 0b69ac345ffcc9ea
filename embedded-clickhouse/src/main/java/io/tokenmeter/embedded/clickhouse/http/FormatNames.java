package io.tokenmeter.embedded.clickhouse.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The format names clickhouse-jdbc 0.9.4 can read from {@code X-ClickHouse-Format}: it passes the
 * header to {@code ClickHouseFormat.valueOf}, so any other spelling fails the whole query.
 */
final class FormatNames {

  /** What ClickHouse uses when neither the header nor {@code default_format} names a format. */
  static final String CLICKHOUSE_DEFAULT = "TabSeparated";

  // The constants of com.clickhouse.data.ClickHouseFormat in clickhouse-jdbc 0.9.4.
  private static final Map<String, String> BY_LOWER_CASE =
      Stream.of(
              "RowBinary RowBinaryWithNames RowBinaryWithNamesAndTypes RowBinaryWithDefaults",
              "TabSeparated TabSeparatedRaw TabSeparatedRawWithNames",
              "TabSeparatedRawWithNamesAndTypes TabSeparatedWithNames TabSeparatedWithNamesAndTypes",
              "Arrow ArrowStream Avro AvroConfluent CSV CSVWithNames CSVWithNamesAndTypes CapnProto",
              "CustomSeparated CustomSeparatedWithNames CustomSeparatedWithNamesAndTypes",
              "CustomSeparatedIgnoreSpaces CustomSeparatedIgnoreSpacesWithNames",
              "CustomSeparatedIgnoreSpacesWithNamesAndTypes HiveText JSONCompactEachRow",
              "JSONCompactEachRowWithNames JSONCompactEachRowWithNamesAndTypes JSON JSONAsObject",
              "JSONAsString JSONColumns JSONColumnsWithMetadata JSONCompact JSONCompactColumns",
              "JSONCompactStringsEachRow JSONCompactStringsEachRowWithNames",
              "JSONCompactStringsEachRowWithNamesAndTypes JSONCompactStrings JSONEachRow",
              "PrettyJSONEachRow JSONEachRowWithProgress JSONLines NDJSON JSONObjectEachRow",
              "JSONStringsEachRow JSONStringsEachRowWithProgress JSONStringEachRow JSONStrings",
              "LineAsString LineAsStringWithNames LineAsStringWithNamesAndTypes Markdown MsgPack",
              "MySQLDump MySQLWire Native Null ODBCDriver2 ORC Parquet PostgreSQLWire Pretty",
              "PrettyCompact PrettyCompactMonoBlock PrettyCompactNoEscapes PrettyMonoBlock",
              "PrettyNoEscapes PrettyNoEscapesMonoBlock PrettySpace PrettySpaceMonoBlock",
              "PrettySpaceNoEscapes PrettySpaceNoEscapesMonoBlock Prometheus Protobuf ProtobufList",
              "ProtobufSingle RawBLOB Regexp SQLInsert TSKV TSV TSVRaw TSVRawWithNames",
              "TSVRawWithNamesAndTypes TSVWithNames TSVWithNamesAndTypes Template",
              "TemplateIgnoreSpaces Values Vertical XML")
          .flatMap(line -> Stream.of(line.split(" ")))
          .collect(
              Collectors.toUnmodifiableMap(
                  name -> name.toLowerCase(Locale.ROOT), Function.identity()));

  private FormatNames() {}

  /** The driver's spelling of {@code format}, or empty when the driver does not know it. */
  static Optional<String> driverName(String format) {
    return format == null
        ? Optional.empty()
        : Optional.ofNullable(BY_LOWER_CASE.get(format.strip().toLowerCase(Locale.ROOT)));
  }
}
