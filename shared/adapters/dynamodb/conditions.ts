// The DynamoDB errors the repositories turn into outcomes (false, a domain error); nothing else reads them.

/** True when a transaction was cancelled, whatever the reason. */
export const isTransactionCancelled = (error: unknown): boolean => error instanceof Error && error.name === 'TransactionCanceledException';

/** True when a transaction was cancelled because the condition of item `index` failed. */
export function conditionFailedAt(error: unknown, index: number): boolean {
  if (!isTransactionCancelled(error) || typeof error !== 'object' || error === null || !('CancellationReasons' in error)) return false;
  const reason: unknown = Array.isArray(error.CancellationReasons) ? error.CancellationReasons[index] : undefined;
  return typeof reason === 'object' && reason !== null && 'Code' in reason && reason.Code === 'ConditionalCheckFailed';
}

/** True when a single write's condition failed. */
export const isConditionFailure = (error: unknown): boolean => error instanceof Error && error.name === 'ConditionalCheckFailedException';
