package io.tokenmeter.processor.api;

import io.tokenmeter.processor.config.ProcessorSettings;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API of one running processor: the HTTP server plus the alert reader that feeds it. Several
 * instances find each other through Kafka Streams' {@code application.server}, which must be this
 * instance's API address as the other instances can reach it.
 */
public final class ProcessorApi implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ProcessorApi.class);

  private final ApiServer server;
  private final AlertTopicReader alertReader;

  private ProcessorApi(ApiServer server, AlertTopicReader alertReader) {
    this.server = server;
    this.alertReader = alertReader;
  }

  /** Starts the API for {@code streams}; call before or after {@code streams.start()}. */
  public static ProcessorApi start(
      KafkaStreams streams, ProcessorSettings settings, ApiSettings apiSettings, Clock clock) {
    RecentAlerts alerts = new RecentAlerts(RecentAlerts.DEFAULT_PER_TENANT);
    AlertTopicReader reader = new AlertTopicReader(settings, alerts);
    ApiBackend backend =
        new ApiBackend(
            streams::state,
            streams::metrics,
            new StreamsStoreAccess(streams),
            OwnerLookup.of(streams),
            self(settings, apiSettings),
            new SpendQuery(settings.aggregateGrace(), settings.correctionRetention(), clock),
            alerts,
            new Forwarder());
    ApiServer server = ApiServer.start(apiSettings, backend);
    reader.start();
    return new ProcessorApi(server, reader);
  }

  private static HostInfo self(ProcessorSettings settings, ApiSettings apiSettings) {
    String endpoint =
        settings.streamsProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
    if (endpoint.isBlank()) {
      LOGGER.info("application.server is not set: serving every tenant from local state");
      return null;
    }
    HostInfo self = HostInfo.buildFromEndpoint(endpoint);
    if (apiSettings.port() != 0 && self.port() != apiSettings.port()) {
      LOGGER.warn(
          "application.server port {} differs from {}={}; other instances forward to the former",
          self.port(),
          ApiSettings.PORT,
          apiSettings.port());
    }
    return self;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    try {
      alertReader.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
