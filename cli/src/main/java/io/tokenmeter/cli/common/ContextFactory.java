package io.tokenmeter.cli.common;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Lets picocli create commands that need the {@link CliContext}: a class with a public constructor
 * taking one gets it, every other class is created by picocli's default factory.
 */
public final class ContextFactory implements CommandLine.IFactory {

  private final CliContext context;

  public ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliContext.class) {
        return type.cast(constructor.newInstance(context));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
