package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  @Test
  void shouldDefaultToTheGoalRateForFiveMinutes() {
    BenchSettings settings = BenchSettings.from(new Properties());

    assertThat(settings.rate()).isEqualTo(50_000);
    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.plannedEvents()).isEqualTo(15_000_000L);
  }

  @Test
  void shouldReadAShorterRunFromProperties() {
    Properties properties = new Properties();
    properties.setProperty(BenchSettings.RATE, "2000");
    properties.setProperty(BenchSettings.DURATION_SECONDS, " 60 ");
    properties.setProperty(BenchSettings.DRAIN_SECONDS, "30");

    BenchSettings settings = BenchSettings.from(properties);

    assertThat(settings)
        .isEqualTo(new BenchSettings(2000, Duration.ofSeconds(60), Duration.ofSeconds(30)));
  }

  @Test
  void shouldSayHowToFixAValueThatIsNotANumber() {
    Properties properties = new Properties();
    properties.setProperty(BenchSettings.RATE, "fast");

    assertThatThrownBy(() -> BenchSettings.from(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenmeter.bench.rate is 'fast'")
        .hasMessageContaining("-Dtokenmeter.bench.rate=50000");
  }

  @Test
  void shouldRejectAZeroDuration() {
    Properties properties = new Properties();
    properties.setProperty(BenchSettings.DURATION_SECONDS, "0");

    assertThatThrownBy(() -> BenchSettings.from(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 second");
  }
}
