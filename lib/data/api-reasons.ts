// The manufacturer's active suspension and cancellation reasons, for the integration API (suspend and
// cancel take a reasonId). Labels in pt-BR and en.
import type { SqlClient } from "@/lib/db/sql-client";
import type { ApiReason } from "@/lib/validation/manufacturer-api-responses";
import type { ManufacturerScope } from "./manufacturer-scope";

export async function subscriptionReasons(sql: SqlClient, scope: ManufacturerScope): Promise<ApiReason[]> {
  return sql.query<ApiReason>(
    `SELECT id, kind::text AS kind, label, NULLIF(label_en, '') AS "labelEn", requires_description AS "requiresDescription"
       FROM reasons WHERE manufacturer_id = $1 AND active ORDER BY kind, label`,
    [scope.accountId],
  );
}
