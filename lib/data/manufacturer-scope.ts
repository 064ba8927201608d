// Writes that only a manufacturer makes (new customers, subscriptions, renewals, the import) start
// from its scope; a lojista's scope reaching one of them is a bug in the caller, refused as 403.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { AppError } from "@/lib/errors";
import type { SubscriptionScope } from "./subscription-scope";

export type ManufacturerScope = Extract<SubscriptionScope, { kind: "manufacturer" }>;

/** `tx`: join the caller's transaction (a CSV import batch, an idempotent API request). */
export type WriteOptions = { tx?: SqlClient };

export function requireManufacturerScope(scope: SubscriptionScope): ManufacturerScope {
  if (scope.kind !== "manufacturer") throw new AppError("FORBIDDEN");
  return scope;
}

/** Runs `fn` in one transaction (the caller's, when given) for the manufacturer of `scope`. */
export async function inManufacturerTransaction<T>(
  scope: SubscriptionScope,
  options: WriteOptions,
  fn: (tx: SqlClient, manufacturerId: string) => Promise<T>,
): Promise<T> {
  const { accountId } = requireManufacturerScope(scope);
  const sql = options.tx ?? (await getSql());
  return sql.transaction((tx) => fn(tx, accountId));
}
