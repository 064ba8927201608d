// Histórico da conta → Exportar: the events the filters select, as CSV, in the account's scope.
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { defineRoute } from "@/lib/http/define-route";
import { historyExportResponse } from "@/lib/export/history-export-response";
import { exportQuerySchema } from "@/lib/export/subscription-export-response";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  name: "historico/exportar",
  permission: "history.export",
  query: exportQuerySchema,
  handler: ({ request, context, query }) =>
    historyExportResponse({ request, query, scope: scopeForAccount(context.account), accountName: context.account.name }),
});
