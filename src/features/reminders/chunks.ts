/** Splits a list so that `IN (...)` queries stay well under PostgreSQL's limit of 65,535 bind parameters. */
export function chunks<T>(items: readonly T[], size = 5000): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
