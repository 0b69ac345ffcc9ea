package io.tokenmeter.testenv;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an integration test class that needs Kafka, a schema registry and ClickHouse; its test
 * methods and constructor may then take {@link StackEndpoints} or {@link Stack}. The source is
 * chosen with {@code -Dtokenmeter.stack=embedded|external|containers} (default embedded).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TokenmeterStackExtension.class)
public @interface WithTokenmeterStack {}
