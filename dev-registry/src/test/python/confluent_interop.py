#!/usr/bin/python3
"""Interop probe for the dev registry, using Confluent's own (legacy) Python Avro client.

Run by DevRegistryPythonInteropIT with Debian's python3-confluent-kafka 1.7.0, python3-avro and
python3-requests. Two commands:

  produce URL TOPIC SCHEMA_FILE VALUES_JSON OUT_FILE
      Registers SCHEMA_FILE under TOPIC-value through CachedSchemaRegistryClient and writes the
      Confluent-framed bytes of the record described by VALUES_JSON to OUT_FILE. Prints
      {"schema_id": N}.

  consume URL IN_FILE
      Decodes the framed bytes in IN_FILE with MessageSerializer.decode_message (which fetches the
      writer schema by id from the registry) and prints the record as JSON, with decimals as
      strings and timestamps as epoch milliseconds so Java can compare them exactly.
"""
import datetime
import decimal
import json
import sys

from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro import loads
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def to_avro_values(values, schema):
    """Turns the JSON-friendly test values into what the avro library writes."""
    record = dict(values)
    for field in schema.fields:
        logical = getattr(field.type, "logical_type", None) or field.type.get_prop("logicalType")
        if logical == "decimal":
            scale = getattr(field.type, "scale", None) or field.type.get_prop("scale")
            # python3-avro writes the digits as the unscaled value, so the scale must match exactly.
            record[field.name] = decimal.Decimal(values[field.name]).quantize(
                decimal.Decimal(1).scaleb(-scale))
        elif logical == "timestamp-millis":
            record[field.name] = EPOCH + datetime.timedelta(milliseconds=values[field.name])
    return record


def to_json_values(record):
    """Renders decoded values so that they can be compared exactly on the Java side."""
    rendered = {}
    for name, value in record.items():
        if isinstance(value, decimal.Decimal):
            rendered[name] = str(value)
        elif isinstance(value, datetime.datetime):
            delta = value - EPOCH
            rendered[name] = (delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000
        else:
            rendered[name] = value
    return rendered


def produce(url, topic, schema_file, values_file, out_file):
    with open(schema_file, encoding="utf-8") as f:
        schema = loads(f.read())
    with open(values_file, encoding="utf-8") as f:
        values = json.load(f)
    client = CachedSchemaRegistryClient({"url": url})
    serializer = MessageSerializer(client)
    payload = serializer.encode_record_with_schema(topic, schema, to_avro_values(values, schema))
    with open(out_file, "wb") as f:
        f.write(payload)
    print(json.dumps({"schema_id": int.from_bytes(payload[1:5], "big")}))


def consume(url, in_file):
    with open(in_file, "rb") as f:
        payload = f.read()
    client = CachedSchemaRegistryClient({"url": url})
    record = MessageSerializer(client).decode_message(payload)
    print(json.dumps(to_json_values(record), sort_keys=True))


def main(argv):
    if len(argv) == 7 and argv[1] == "produce":
        produce(*argv[2:])
    elif len(argv) == 4 and argv[1] == "consume":
        consume(*argv[2:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
