package io.tokenmeter.sdk.estimate;

import java.util.Objects;

/**
 * One message of a chat request, as far as token counting needs it.
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant}, {@code tool}...
 * @param content the message text
 * @param name the optional participant name ({@code null} when absent); OpenAI counts it apart
 */
public record ChatMessage(String role, String content, String name) {

  public ChatMessage {
    if (role == null || role.isBlank()) {
      throw new IllegalArgumentException("a chat message needs a role such as \"user\"");
    }
    Objects.requireNonNull(content, "content of a " + role + " message (use \"\" for none)");
    if (name != null && name.isBlank()) {
      name = null;
    }
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content, null);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content, null);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content, null);
  }

  /** The same message with a participant name. */
  public ChatMessage withName(String participant) {
    return new ChatMessage(role, content, participant);
  }
}
