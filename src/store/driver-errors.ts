// Driver errors that the domain must see as its own: a unique violation is a conflict.

interface DriverError {
  code?: string;
}

export const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as DriverError | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/** PostgreSQL serialization failures and deadlocks: the transaction may simply be retried. */
export const isRetryable = (e: unknown): boolean => {
  const code = (e as DriverError | undefined)?.code;
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY';
};
