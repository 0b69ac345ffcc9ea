package io.tokenmeter.testenv;

/** Running services for integration tests; closing stops whatever this stack started. */
public interface Stack extends AutoCloseable {

  /** Where the services are. */
  StackEndpoints endpoints();

  /** Which kind of stack this is. */
  StackSource source();

  @Override
  void close();
}
