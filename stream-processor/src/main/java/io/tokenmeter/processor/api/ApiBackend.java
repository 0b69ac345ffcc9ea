package io.tokenmeter.processor.api;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What the HTTP layer reads, each part replaceable in tests.
 *
 * @param self this instance's {@code application.server}, or null when it is not set (a single
 *     instance: every key is local and no owner lookup is made)
 */
public record ApiBackend(
    Supplier<KafkaStreams.State> state,
    Supplier<Map<MetricName, ? extends Metric>> metrics,
    StoreAccess stores,
    OwnerLookup owners,
    HostInfo self,
    SpendQuery spend,
    RecentAlerts alerts,
    Forwarder forwarder) {}
