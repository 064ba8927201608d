// Fabricante → Assinaturas → Exportar: the manufacturer's serials the filters select, as CSV.
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/define-route";
import { exportQuerySchema, subscriptionExportResponse } from "@/lib/export/subscription-export-response";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  name: "fabricante/assinaturas/exportar",
  permission: "subscriptions.export",
  query: exportQuerySchema,
  handler: async ({ request, context, query }) => {
    if (context.account.kind !== "FABRICANTE") throw new AppError("FORBIDDEN");
    return subscriptionExportResponse({
      request,
      query,
      scope: { kind: "manufacturer", accountId: context.account.id, graceDays: context.account.graceDays },
      accountName: context.account.name,
    });
  },
});
