// What both Exportar route handlers answer: the CSV of every serial the list's filters select in
// the given scope, streamed. The filters go through the list's own parser (bad values are
// dropped, as on the list); only an unknown delimiter is refused (400).
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { openSubscriptionExport } from "@/lib/data/subscription-export";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { csvDownload } from "./csv-download";
import { subscriptionCsvLabels } from "./subscription-csv-format";
import { subscriptionCsvRowWriter } from "./subscription-csv-rows";

export { DELIMITER_PARAM } from "./csv-download";

/** Any query string: the filters are parsed leniently by parseSubscriptionFilters. */
export const exportQuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type ExportQuery = z.output<typeof exportQuerySchema>;

export async function subscriptionExportResponse(args: {
  request: Request;
  query: ExportQuery;
  scope: SubscriptionScope;
  accountName: string;
}): Promise<Response> {
  const { request, query, scope, accountName } = args;
  const { filters } = parseSubscriptionFilters(query);
  const now = new Date();
  const labels = await subscriptionCsvLabels();
  const locale = await getLocale();
  return csvDownload({
    request,
    query,
    accountName,
    now,
    header: labels.header,
    open: () => openSubscriptionExport(scope, filters, { now, locale }),
    rowWriter: (writer) => subscriptionCsvRowWriter(labels, now, writer),
  });
}
