package io.tokenmeter.processor.api;

/** Who a bearer token belongs to: an admin (sees every tenant) or one tenant. */
public record Caller(boolean admin, String tenantId) {
  static final Caller ADMIN = new Caller(true, null);

  static Caller tenant(String tenantId) {
    return new Caller(false, tenantId);
  }

  /** Whether this caller may read data of {@code tenant}. */
  public boolean maySee(String tenant) {
    return admin || tenantId.equals(tenant);
  }
}
