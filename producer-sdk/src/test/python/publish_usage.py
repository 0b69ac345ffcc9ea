#!/usr/bin/python3
"""Publishes tokenmeter usage events from Python (docs/publishing-from-other-languages.md).

Uses Debian's python3-confluent-kafka 1.7.0 legacy AvroProducer (apt-get install -y
python3-confluent-kafka python3-avro python3-requests). Reads one JSON event per line on stdin,
in the JSON-friendly shape below, and publishes each to tokenmeter.usage.v1:

  {"event_id": "...", "event_time_ms": 1762387200123, "tenant_id": "acme", "provider": "openai",
   "model": "gpt-4o-2024-08-06", "usage": {"input_tokens": 1200, "output_tokens": 300},
   "usage_complete": true, "provider_reported_cost_usd": "0.004500000000", "tags": {"env": "prod"}}

Usage: publish_usage.py BOOTSTRAP_SERVERS REGISTRY_URL [SCHEMA_FILE] < events.jsonl

The events are written with the schema id already registered under tokenmeter.usage.v1-value (by
the stream processor or the JVM SDK). SCHEMA_FILE (the released, self-contained v1.avsc) is only
registered when that subject is still empty, e.g. on a fresh development stack.
Prints the number of events delivered; exits non-zero if any delivery failed.
"""
import datetime
import decimal
import json
import sys

import requests
from confluent_kafka import Producer
from confluent_kafka.avro import AvroProducer
from confluent_kafka.avro import CachedSchemaRegistryClient

TOPIC = "tokenmeter.usage.v1"
SUBJECT = TOPIC + "-value"  # TopicNameStrategy
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
# provider_reported_cost_usd is decimal(38, 12): the avro library writes the Decimal's digits as
# the unscaled value, so the value must carry exactly 12 decimal places.
COST_SCALE = decimal.Decimal("0.000000000001")
OPTIONAL_STRINGS = ("workflow_id", "task_id", "user_id", "operation", "service_tier", "region",
                    "provider_request_id")
USAGE_DEFAULTS = {"cache_read_tokens": 0, "cache_write_tokens": 0, "cache_write_5m_tokens": None,
                  "cache_write_1h_tokens": None, "reasoning_tokens": 0, "audio_input_tokens": 0,
                  "cache_audio_read_tokens": 0, "audio_output_tokens": 0, "other_units": {}}


class TenantKeyedAvroProducer(AvroProducer):
    """AvroProducer Avro-encodes keys too, but tokenmeter's key is tenant_id as plain UTF-8."""

    def __init__(self, config, schema_id):
        super().__init__(config)
        self._schema_id = schema_id

    def produce_usage(self, event, on_delivery):
        # By id, never by re-registering: python3-avro 1.11 drops the record-level "doc" when it
        # prints a schema, so registering from Python would add a second, doc-less version.
        value = self._serializer.encode_record_with_schema_id(self._schema_id, event)
        Producer.produce(self, TOPIC, value=value, key=event["tenant_id"].encode("utf-8"),
                         on_delivery=on_delivery)


def to_record(data):
    """Turns one JSON event into the dict the Avro writer expects (every field present)."""
    record = {
        "event_id": data["event_id"],
        # timestamp-millis: the avro library takes an aware datetime and writes epoch millis.
        "event_time": EPOCH + datetime.timedelta(milliseconds=data["event_time_ms"]),
        "tenant_id": data["tenant_id"],
        "tags": data.get("tags", {}),
        "provider": data["provider"],
        "model": data["model"],
        "latency_ms": data.get("latency_ms"),
        # Token contract: input_tokens INCLUDES cache reads/writes, output_tokens INCLUDES
        # reasoning; the other counts are subsets and are never added on top.
        "usage": dict(USAGE_DEFAULTS, **data["usage"]),
        "usage_complete": data.get("usage_complete", True),
        "provider_reported_cost_usd": None,
    }
    for name in OPTIONAL_STRINGS:
        record[name] = data.get(name)
    cost = data.get("provider_reported_cost_usd")
    if cost is not None:
        # Never go through float: parse the decimal string, then fix the scale at 12.
        record["provider_reported_cost_usd"] = decimal.Decimal(cost).quantize(
            COST_SCALE, rounding=decimal.ROUND_HALF_EVEN)
    return record


def registered_schema_id(registry_url, schema_file):
    """The id of the latest usage schema; registers SCHEMA_FILE only if there is none yet."""
    registry = CachedSchemaRegistryClient({"url": registry_url})
    schema_id, _, _ = registry.get_latest_schema(SUBJECT)
    if schema_id is not None:
        return schema_id
    if schema_file is None:
        sys.exit("No schema under %s at %s yet: start the tokenmeter processor (or JVM SDK) once,"
                 " or pass schemas/src/released/io.tokenmeter.schema.v1.UsageEvent/v1.avsc"
                 % (SUBJECT, registry_url))
    # Posts the file's text as it is: registry.register() would print it through python3-avro,
    # which drops the record-level "doc", and the JVM side would then add a second version.
    with open(schema_file, encoding="utf-8") as f:
        response = requests.post(
            "%s/subjects/%s/versions" % (registry_url.rstrip("/"), SUBJECT),
            json={"schema": f.read()},
            headers={"Content-Type": "application/vnd.schemaregistry.v1+json"}, timeout=30)
    response.raise_for_status()
    return response.json()["id"]


def main(bootstrap_servers, registry_url, schema_file=None):
    schema_id = registered_schema_id(registry_url, schema_file)
    producer = TenantKeyedAvroProducer(
        {"bootstrap.servers": bootstrap_servers, "schema.registry.url": registry_url,
         "enable.idempotence": True, "acks": "all"},
        schema_id)
    failures = []
    delivered = []

    def on_delivery(err, msg):
        (failures if err else delivered).append(err or msg.offset())

    for line in sys.stdin:
        if line.strip():
            producer.produce_usage(to_record(json.loads(line)), on_delivery)
            producer.poll(0)
    producer.flush(30)
    print(json.dumps({"delivered": len(delivered), "failed": [str(e) for e in failures]}))
    return 1 if failures or len(producer) else 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
