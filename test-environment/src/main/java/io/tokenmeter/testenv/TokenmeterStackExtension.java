package io.tokenmeter.testenv;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test {@link StackEndpoints} (or the {@link Stack}) as a parameter.
 *
 * <p>The stack is started once per test JVM, on first use, and closed when the JVM's test run ends:
 * starting Kafka and ClickHouse per test class would multiply the suite's run time.
 */
public final class TokenmeterStackExtension implements ParameterResolver {

  private static final Logger LOGGER = LoggerFactory.getLogger(TokenmeterStackExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TokenmeterStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == StackEndpoints.class || type == Stack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Stack stack = stack(context);
    return parameter.getParameter().getType() == Stack.class ? stack : stack.endpoints();
  }

  private static Stack stack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Stack.class, key -> start(StackSource.selected()), Stack.class);
  }

  static Stack start(StackSource source) {
    LOGGER.info("Starting the {} test stack", source.name());
    long started = System.nanoTime();
    Stack stack =
        switch (source) {
          case EMBEDDED -> EmbeddedStack.start();
          case EXTERNAL -> ExternalStack.fromEnvironment(System.getenv());
          case CONTAINERS -> ContainersStack.start();
        };
    LOGGER.info(
        "Test stack {} ready in {} ms: {}",
        source.name(),
        (System.nanoTime() - started) / 1_000_000,
        stack.endpoints());
    return stack;
  }
}
