// Histórico da conta's Exportar: the page's own filter parser (bad values dropped, as on the page;
// a lojista's filter by one of the manufacturer's people too), then the events as streamed CSV.
import { getTranslations } from "next-intl/server";
import { openHistoryExport } from "@/lib/data/account-history-export";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { parseHistoryFilters, withoutPaging } from "@/lib/validation/history-filters";
import { csvDownload } from "./csv-download";
import { historyCsvLabels, historyCsvRowWriter } from "./history-csv-rows";

export async function historyExportResponse(args: {
  request: Request;
  query: Record<string, string | string[]>;
  scope: SubscriptionScope;
  accountName: string;
}): Promise<Response> {
  const { request, query, scope, accountName } = args;
  const filters = withoutPaging(parseHistoryFilters(query).filters);
  if (scope.kind !== "manufacturer" && filters.quem && "userId" in filters.quem) delete filters.quem;
  const [labels, t] = await Promise.all([historyCsvLabels(), getTranslations("history.export")]);
  return csvDownload({
    request,
    query,
    accountName,
    prefix: t("fileName"),
    now: new Date(),
    header: labels.header,
    open: () => openHistoryExport(scope, filters),
    rowWriter: (writer) => historyCsvRowWriter(labels, writer),
  });
}
