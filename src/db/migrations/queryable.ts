import type { QueryResult, QueryResultRow } from "pg";

/** The slice of node-postgres (`pg.Pool`, `pg.Client`, `pg.PoolClient`) that database helpers need. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
}
