// What both Exportar route handlers answer: the CSV of every serial the list's filters select in
// the given scope, streamed. The filters go through the list's own parser (bad values are
// dropped, as on the list); only an unknown delimiter is refused (400).
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { parseCsvDelimiter } from "@/lib/csv/csv-text";
import { openSubscriptionExport } from "@/lib/data/subscription-export";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { AppError } from "@/lib/errors";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { csvResponseStream } from "./csv-response-stream";
import { attachmentDisposition, exportFileName } from "./export-file-name";
import { subscriptionCsvLabels } from "./subscription-csv-format";
import { subscriptionCsvRowWriter } from "./subscription-csv-rows";

/** Any query string: the filters are parsed leniently by parseSubscriptionFilters. */
export const exportQuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** Query parameter choosing the delimiter: ";" (default) or ",". */
export const DELIMITER_PARAM = "delimitador";

export async function subscriptionExportResponse(args: {
  request: Request;
  query: ExportQuery;
  scope: SubscriptionScope;
  accountName: string;
}): Promise<Response> {
  const { request, query, scope, accountName } = args;
  const t = await getTranslations("export");
  const delimiter = parseCsvDelimiter(query[DELIMITER_PARAM]);
  if (!delimiter) {
    throw new AppError("VALIDATION", t("invalidDelimiter"), { [DELIMITER_PARAM]: [t("invalidDelimiter")] });
  }
  const { filters } = parseSubscriptionFilters(query);
  const now = new Date();
  const labels = await subscriptionCsvLabels();
  const headers = {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachmentDisposition(exportFileName(accountName, now, t("fileNameFallback"))),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  // Resolves once the database has accepted the query: a failing query is an error response.
  // Nothing that could throw comes between this and the stream, which closes the source.
  const source = await openSubscriptionExport(scope, filters, { now });
  const body = csvResponseStream({
    header: labels.header,
    source,
    rowWriter: (writer) => subscriptionCsvRowWriter(labels, now, writer),
    delimiter,
    signal: request.signal,
  });
  return new Response(body, { headers });
}
