// The response of an Exportar route: the delimiter the query asks for (400 for one we don't offer),
// the file's name and headers, and the streamed CSV of a line source. Shared by the subscription
// export and Histórico da conta's.
import { getTranslations } from "next-intl/server";
import type { CsvByteWriter } from "@/lib/csv/csv-byte-writer";
import { parseCsvDelimiter } from "@/lib/csv/csv-text";
import type { ExportLineHandler, ExportLineSource } from "@/lib/data/subscription-export-types";
import { AppError } from "@/lib/errors";
import { csvResponseStream } from "./csv-response-stream";
import { attachmentDisposition, exportFileName } from "./export-file-name";

/** Query parameter choosing the delimiter: ";" (default) or ",". */
export const DELIMITER_PARAM = "delimitador";

export async function csvDownload(args: {
  request: Request;
  query: Record<string, string | string[]>;
  accountName: string;
  /** The file name's first word: "assinaturas", "historico". */
  prefix?: string;
  now: Date;
  header: string[];
  /** Opens the rows once the request is known to be valid. */
  open: () => Promise<ExportLineSource>;
  rowWriter: (writer: CsvByteWriter) => ExportLineHandler;
}): Promise<Response> {
  const t = await getTranslations("export");
  const delimiter = parseCsvDelimiter(args.query[DELIMITER_PARAM]);
  if (!delimiter) {
    throw new AppError("VALIDATION", t("invalidDelimiter"), { [DELIMITER_PARAM]: [t("invalidDelimiter")] });
  }
  const headers = {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachmentDisposition(exportFileName(args.accountName, args.now, t("fileNameFallback"), args.prefix)),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  // Resolves once the database has accepted the query: a failing query is an error response.
  // Nothing that could throw comes between this and the stream, which closes the source.
  const source = await args.open();
  const body = csvResponseStream({
    header: args.header,
    source,
    rowWriter: args.rowWriter,
    delimiter,
    signal: args.request.signal,
  });
  return new Response(body, { headers });
}
