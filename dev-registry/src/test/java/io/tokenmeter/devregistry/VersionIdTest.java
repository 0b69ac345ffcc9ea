package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionIdTest {
  @Test
  void shouldReadLatestAndMinusOneAsLatest() {
    assertThat(VersionId.parse("latest").isLatest()).isTrue();
    assertThat(VersionId.parse("-1").isLatest()).isTrue();
    assertThat(VersionId.parse("2147483647").number()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void shouldRejectVersionsOutsideConfluentsRangeWith42202() {
    for (String bad : new String[] {"0", "-2", "LATEST", "1.5", "2147483648", ""}) {
      assertThatThrownBy(() -> VersionId.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(422);
                assertThat(e.errorCode()).isEqualTo(42202);
              });
    }
  }
}
