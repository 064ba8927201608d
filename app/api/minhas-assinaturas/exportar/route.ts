// Minhas assinaturas → Exportar: a lojista's or profissional's own serials (across manufacturers)
// the filters select, as CSV.
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/define-route";
import { exportQuerySchema, subscriptionExportResponse } from "@/lib/export/subscription-export-response";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  name: "minhas-assinaturas/exportar",
  permission: "own-subscriptions.export",
  query: exportQuerySchema,
  handler: async ({ request, context, query }) => {
    if (context.account.kind === "FABRICANTE") throw new AppError("FORBIDDEN");
    return subscriptionExportResponse({
      request,
      query,
      scope: { kind: "customer", accountId: context.account.id },
      accountName: context.account.name,
    });
  },
});
