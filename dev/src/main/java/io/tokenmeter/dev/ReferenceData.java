package io.tokenmeter.dev;

import io.tokenmeter.dev.demo.DemoBudgets;
import io.tokenmeter.dev.kafka.KeyedPublisher;
import io.tokenmeter.dev.kafka.TopicKeys;
import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.model.AvroPrices;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.ModelPrice;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the default price catalog and the sample budgets on their compacted topics, once: versions
 * and budgets whose key is already there are skipped, so a second {@code dev} neither duplicates
 * them nor overwrites a budget the user changed.
 */
public final class ReferenceData {

  private static final Logger LOGGER = LoggerFactory.getLogger(ReferenceData.class);

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * @param pricesPublished versions written now
   * @param pricesPresent versions of the default catalog that were already on the topic
   * @param budgetsPublished sample budgets written now
   */
  public record Loaded(int pricesPublished, int pricesPresent, int budgetsPublished) {}

  private ReferenceData() {}

  public static Loaded load(String bootstrapServers, String registryUrl, Clock clock)
      throws TimeoutException, ExecutionException, InterruptedException {
    Set<String> prices = TopicKeys.read(bootstrapServers, Topics.PRICES, TIMEOUT);
    Set<String> budgets = TopicKeys.read(bootstrapServers, Topics.BUDGETS, TIMEOUT);
    List<Map.Entry<String, ? extends SpecificRecord>> newPrices = new ArrayList<>();
    int present = 0;
    for (ModelPrice price : DefaultCatalog.load().prices()) {
      if (prices.contains(price.getPriceVersionId())) {
        present++;
      } else if (publishable(price)) {
        newPrices.add(Map.entry(price.getPriceVersionId(), price));
      }
    }
    List<Map.Entry<String, ? extends SpecificRecord>> newBudgets = new ArrayList<>();
    for (BudgetDefinition budget : DemoBudgets.all(clock)) {
      if (!budgets.contains(budget.getBudgetId())) {
        newBudgets.add(Map.entry(budget.getBudgetId(), budget));
      }
    }
    try (KeyedPublisher publisher = new KeyedPublisher(bootstrapServers, registryUrl, TIMEOUT)) {
      int pricesWritten = publisher.publish(Topics.PRICES, newPrices);
      int budgetsWritten = publisher.publish(Topics.BUDGETS, newBudgets);
      return new Loaded(pricesWritten, present, budgetsWritten);
    }
  }

  /** The processor would reject a version that breaks the contract; keep it off the topic. */
  private static boolean publishable(ModelPrice price) {
    try {
      AvroPrices.fromAvro(price);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      LOGGER.warn(
          "Default catalog version {} skipped: {}", price.getPriceVersionId(), e.getMessage());
      return false;
    }
  }
}
