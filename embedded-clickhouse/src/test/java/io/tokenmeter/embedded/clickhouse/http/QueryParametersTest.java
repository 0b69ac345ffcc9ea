package io.tokenmeter.embedded.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void shouldPassOnlyNonReservedParametersAsSettings() {
    QueryParameters parameters =
        QueryParameters.parse(
            "query_id=abc&compress=1&async_insert=0&wait_end_of_query=0&database=db"
                + "&insert_deduplication_token=batch-7&max_threads=2&default_format=TSV"
                + "&user=u&password=p&role=r1&role=r2&session_id=s&param_x=1"
                + "&enable_http_compression=1&decompress=1&query=SELECT%201");
    assertThat(parameters.settings())
        .containsExactly(
            java.util.Map.entry("async_insert", "0"),
            java.util.Map.entry("insert_deduplication_token", "batch-7"),
            java.util.Map.entry("max_threads", "2"));
  }

  @Test
  void shouldDecodePercentAndPlusEncoding() {
    QueryParameters parameters =
        QueryParameters.parse("query=INSERT%20INTO%20t%20FORMAT+RowBinary&x=%C3%BC%26%3D");
    assertThat(parameters.first("query")).contains("INSERT INTO t FORMAT RowBinary");
    assertThat(parameters.settings()).containsEntry("x", "ü&=");
  }

  @Test
  void shouldKeepTheLastValueOfARepeatedSettingAndTheFirstOfAControlParameter() {
    QueryParameters parameters =
        QueryParameters.parse("max_threads=1&max_threads=4&query=a&query=b");
    assertThat(parameters.settings()).containsEntry("max_threads", "4");
    assertThat(parameters.first("query")).contains("a");
  }

  @Test
  void shouldTreatOneAndTrueAsTrueAndAnythingElseAsFalse() {
    QueryParameters parameters = QueryParameters.parse("compress=1&decompress=true&a=0&b=yes");
    assertThat(parameters.isTrue("compress")).isTrue();
    assertThat(parameters.isTrue("decompress")).isTrue();
    assertThat(parameters.isTrue("a")).isFalse();
    assertThat(parameters.isTrue("b")).isFalse();
    assertThat(parameters.isTrue("missing")).isFalse();
  }

  @Test
  void shouldListQueryParametersSeparately() {
    assertThat(QueryParameters.parse("param_id=1&param_name=x&param_id=2").queryParameterNames())
        .containsExactly("param_id", "param_name");
  }

  @Test
  void shouldAcceptAnEmptyOrMissingQueryString() {
    assertThat(QueryParameters.parse(null).settings()).isEmpty();
    assertThat(QueryParameters.parse("").settings()).isEmpty();
    assertThat(QueryParameters.parse("&&flag").settings()).containsEntry("flag", "");
  }
}
