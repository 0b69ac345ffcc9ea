package io.tokenmeter.sdk.client;

/**
 * The client already holds its maximum of unacknowledged events, so this one was NOT accepted.
 * Nothing is dropped silently: the caller decides whether to retry later, wait with {@code
 * publish}, or record the loss.
 */
public class BufferFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BufferFullException(String message) {
    super(message);
  }
}
