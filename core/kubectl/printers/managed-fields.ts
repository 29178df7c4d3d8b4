/** kubectl hides metadata.managedFields in -o yaml|json unless --show-managed-fields. */
export function withoutManagedFields(o: Record<string, unknown>): Record<string, unknown> {
  const { managedFields: _, ...metadata } = (o.metadata ?? {}) as Record<string, unknown>;
  return o.metadata ? { ...o, metadata } : o;
}
