/**
 * A small builder for the port's list queries: filters become parameterised WHERE clauses,
 * sorting is whitelisted per query (never interpolated from input), paging is LIMIT/OFFSET.
 */
import type { Page } from '../../port.js';
import type { Store } from '../store/database.js';

export class SqlQuery {
  private readonly clauses: string[] = [];
  private readonly params: unknown[] = [];

  constructor(private readonly from: string) {}

  /** Adds `clause` with its parameters when `value` is defined. */
  when(value: unknown, clause: string, ...params: unknown[]): this {
    if (value === undefined || value === null) return this;
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** Adds `clause` when `condition` is true. */
  if(condition: boolean | undefined, clause: string, ...params: unknown[]): this {
    if (!condition) return this;
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** `column IN (…)` for a non-empty list (an empty list matches nothing). */
  in(values: readonly unknown[] | undefined, column: string): this {
    if (!values) return this;
    if (values.length === 0) return this.if(true, '0');
    return this.if(true, `${column} IN (${values.map(() => '?').join(',')})`, ...values);
  }

  private whereSql(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }

  count(store: Store): number {
    const row = store.sql(`SELECT count(*) AS n FROM ${this.from}${this.whereSql()}`).get(...this.params) as {
      n: number;
    };
    return row.n;
  }

  /** Rows of `select`, ordered by the whitelisted `orderBy` (then insertion order), paged. */
  list<T>(store: Store, select: string, orderBy: string | null, page: Page = {}): T[] {
    const order = orderBy ? ` ORDER BY ${orderBy}` : '';
    const limit = page.maxResults ?? -1;
    const offset = page.firstResult ?? 0;
    const text = `SELECT ${select} FROM ${this.from}${this.whereSql()}${order} LIMIT ? OFFSET ?`;
    return store.sql(text).all(...this.params, limit, offset) as T[];
  }
}

/** The ORDER BY text for a whitelisted sort field, ties broken by insertion order. */
export function orderBy<F extends string>(
  columns: Record<F, string>,
  sortBy: F | undefined,
  sortOrder: 'asc' | 'desc' | undefined,
  tieBreak: string,
): string {
  if (!sortBy || !(sortBy in columns)) return tieBreak;
  return `${columns[sortBy]} ${sortOrder === 'desc' ? 'DESC' : 'ASC'}, ${tieBreak}`;
}
