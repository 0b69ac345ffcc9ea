#!/usr/bin/python3
"""Interop probe for the dev registry, using Confluent's own (legacy) Python Avro client.

Run by DevRegistryPythonInteropIT with Debian's python3-confluent-kafka 1.7.0, python3-avro and
python3-requests. Two commands:

  produce URL TOPIC SCHEMA_FILE VALUES_JSON OUT_FILE
      Registers SCHEMA_FILE under TOPIC-value through CachedSchemaRegistryClient and writes the
      Confluent-framed bytes of the record described by VALUES_JSON to OUT_FILE. Prints
      {"schema_id": N}.

  api URL SUBJECT SCHEMA_V1_FILE SCHEMA_V2_FILE SCHEMA_BREAKING_FILE
      Drives the client's other registry calls (register twice, latest, version lookup,
      registration check, config, compatibility tests, a rejected registration, unknown id,
      subject deletion) and prints what each returned, as one JSON object.

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
from confluent_kafka.avro import ClientError
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


def read_schema(path):
    with open(path, encoding="utf-8") as f:
        return loads(f.read())


def api(url, subject, v1_file, v2_file, breaking_file):
    v1, v2, breaking = read_schema(v1_file), read_schema(v2_file), read_schema(breaking_file)
    # Separate clients where the client would otherwise answer from its cache.
    client = CachedSchemaRegistryClient({"url": url})
    results = {"register_v1": client.register(subject, v1)}
    results["register_v1_again"] = CachedSchemaRegistryClient({"url": url}).register(subject, v1)
    results["register_v2"] = client.register(subject, v2)
    latest_id, latest_schema, latest_version = client.get_latest_schema(subject)
    results["latest"] = [latest_id, latest_version, latest_schema.fullname]
    results["version_of_v1"] = CachedSchemaRegistryClient({"url": url}).get_version(subject, v1)
    results["check_registration_v2"] = CachedSchemaRegistryClient(
        {"url": url}).check_registration(subject, v2)
    results["global_level"] = client.get_compatibility()
    results["test_v2_against_latest"] = client.test_compatibility(subject, v2)
    results["test_breaking_against_latest"] = client.test_compatibility(subject, breaking)
    try:
        client.register(subject, breaking)
        results["register_breaking"] = "accepted"
    except ClientError as e:
        results["register_breaking"] = str(e).split(" message:")[0]
    results["set_subject_level"] = client.update_compatibility("NONE", subject)
    results["subject_level"] = client.get_compatibility(subject)
    results["register_breaking_under_none"] = client.register(subject, breaking)
    results["unknown_id"] = CachedSchemaRegistryClient({"url": url}).get_by_id(9999)
    results["delete_subject"] = client.delete_subject(subject)
    print(json.dumps(results, sort_keys=True))


def main(argv):
    if len(argv) == 7 and argv[1] == "produce":
        produce(*argv[2:])
    elif len(argv) == 7 and argv[1] == "api":
        api(*argv[2:])
    elif len(argv) == 4 and argv[1] == "consume":
        consume(*argv[2:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
