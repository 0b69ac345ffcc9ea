package io.tokenmeter.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class FieldLocatorTest {

  private static final Schema READER =
      new Schema.Parser()
          .parse(
              "{\"type\": \"record\", \"name\": \"Outer\", \"namespace\": \"t\", \"fields\": ["
                  + "{\"name\": \"a\", \"type\": \"long\"},"
                  + "{\"name\": \"inner\", \"type\": [\"null\", {\"type\": \"record\", \"name\":"
                  + " \"Inner\", \"fields\": [{\"name\": \"b\", \"type\": \"int\"}]}],"
                  + " \"default\": null},"
                  + "{\"name\": \"list\", \"type\": {\"type\": \"array\", \"items\": {\"type\":"
                  + " \"record\", \"name\": \"Item\", \"fields\": [{\"name\": \"c\", \"type\":"
                  + " \"int\"}]}}}]}");

  @Test
  void shouldNameTopLevelField() {
    assertThat(FieldLocator.locate(READER, "/fields/0/type"))
        .isEqualTo(new FieldLocator.FieldLocation("t.Outer", "a"));
  }

  @Test
  void shouldFollowUnionBranchesIntoNestedRecords() {
    assertThat(FieldLocator.locate(READER, "/fields/1/type/1/fields/0/type"))
        .isEqualTo(new FieldLocator.FieldLocation("t.Inner", "inner.b"));
  }

  @Test
  void shouldFollowArrayItems() {
    assertThat(FieldLocator.locate(READER, "/fields/2/type/items/fields/0"))
        .isEqualTo(new FieldLocator.FieldLocation("t.Item", "list.c"));
  }

  @Test
  void shouldStopAtAnIndexThatDoesNotExistInsteadOfFailing() {
    assertThat(FieldLocator.locate(READER, "/fields/9/type"))
        .isEqualTo(new FieldLocator.FieldLocation("t.Outer", ""));
    assertThat(FieldLocator.locate(READER, "/"))
        .isEqualTo(new FieldLocator.FieldLocation("t.Outer", ""));
  }
}
