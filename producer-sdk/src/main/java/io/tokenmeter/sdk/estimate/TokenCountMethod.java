package io.tokenmeter.sdk.estimate;

/** How an input token count was obtained, so nobody mistakes an approximation for a measurement. */
public enum TokenCountMethod {
  /** The model's own tokenizer (an OpenAI encoding run by jtokkit): the count the API bills. */
  EXACT_TOKENIZER,
  /**
   * The model's tokenizer is not public: an OpenAI encoding's count times a documented factor (see
   * {@link ApproximationFactor}). The real count can be lower or higher.
   */
  APPROXIMATION
}
