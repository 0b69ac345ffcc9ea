package io.tokenmeter.embedded.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The few admin calls the embedded broker makes on itself, each bounded by a timeout. */
final class KafkaAdminCalls {

  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaAdminCalls.class);
  private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private KafkaAdminCalls() {}

  /** Returns once the broker answers describeCluster with at least one node. */
  static void awaitAcceptingClients(String bootstrapServers, Duration timeout)
      throws InterruptedException {
    Admin admin = admin(bootstrapServers, timeout);
    try {
      int nodes = await(admin.describeCluster().nodes(), timeout, "describeCluster").size();
      if (nodes == 0) {
        throw new IllegalStateException("broker at " + bootstrapServers + " reports no nodes");
      }
    } finally {
      admin.close(ADMIN_CLOSE_TIMEOUT);
    }
  }

  /** Creates the topics; topics that already exist are left as they are. */
  static void createTopics(String bootstrapServers, Collection<NewTopic> topics, Duration timeout)
      throws InterruptedException {
    Admin admin = admin(bootstrapServers, timeout);
    try {
      for (Map.Entry<String, KafkaFuture<Void>> result :
          admin.createTopics(topics).values().entrySet()) {
        try {
          await(result.getValue(), timeout, "createTopics " + result.getKey());
        } catch (IllegalStateException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          LOGGER.info("topic {} already exists, left unchanged", result.getKey());
        }
      }
    } finally {
      admin.close(ADMIN_CLOSE_TIMEOUT);
    }
  }

  private static Admin admin(String bootstrapServers, Duration timeout) {
    int timeoutMs = Math.toIntExact(Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000)));
  }

  private static <T> T await(KafkaFuture<T> future, Duration timeout, String what)
      throws InterruptedException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " did not answer within " + timeout, e);
    }
  }
}
