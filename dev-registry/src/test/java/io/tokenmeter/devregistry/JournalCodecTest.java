package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.devregistry.RegistryEvent.ConfigDeleted;
import io.tokenmeter.devregistry.RegistryEvent.ConfigSet;
import io.tokenmeter.devregistry.RegistryEvent.SchemaRegistered;
import io.tokenmeter.devregistry.RegistryEvent.VersionHardDeleted;
import io.tokenmeter.devregistry.RegistryEvent.VersionSoftDeleted;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
  @Test
  void shouldRoundTripEveryEventKindOnOneLine() {
    List<RegistryEvent> events =
        List.of(
            new SchemaRegistered(
                "orders-value",
                3,
                7,
                TestSchemas.USAGE_V1,
                List.of(new SchemaReference("test.Price", "price-value", 1))),
            new VersionSoftDeleted("orders-value", 3),
            new VersionHardDeleted("orders-value", 3),
            new ConfigSet("orders-value", CompatibilityLevel.FULL_TRANSITIVE),
            new ConfigSet(null, CompatibilityLevel.NONE),
            new ConfigDeleted("orders-value"),
            new ConfigDeleted(null));
    for (RegistryEvent event : events) {
      String line = JournalCodec.encode(event);
      assertThat(line).doesNotContain("\n");
      assertThat(JournalCodec.decode(line)).isEqualTo(event);
    }
  }

  @Test
  void shouldRejectLinesThatAreNotEvents() {
    for (String bad :
        new String[] {
          "{\"op\":\"register\",\"subject\":\"usa",
          "[]",
          "{\"op\":\"teleport\"}",
          "{\"op\":\"softDelete\",\"subject\":\"s\"}",
          "{\"op\":\"softDelete\",\"version\":1}"
        }) {
      assertThatThrownBy(() -> JournalCodec.decode(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
