package io.tokenmeter.embedded.clickhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeIT {

  @TempDir Path dataDirectory;

  @Test
  void shouldAnswerASelectThroughTheDriver() throws Exception {
    try (EmbeddedClickHouse clickHouse =
            EmbeddedClickHouse.builder().dataDirectory(dataDirectory).build().start();
        Connection connection = JdbcSupport.connect(clickHouse.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version(), 40 + 2 AS answer")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).startsWith("26.");
      assertThat(rows.getInt(2)).isEqualTo(42);
    }
  }
}
