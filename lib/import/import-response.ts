// The answer of an import request: NDJSON, one line per thing that happened, so the page can show
// a progress bar and the errors as they come, and the server never holds the whole report.
//   {"type":"columns","ignored":[…]}
//   {"type":"issue","line":12,"column":"CNPJ/CPF","message":"…"}          every invalid row's problems
//   {"type":"batch","fromLine":2,"toLine":501,"rows":500,"applied":true,"counts":{…}}
//   {"type":"done","counts":{…},"failedBatches":[…]}   or   {"type":"error","message":"…"}
// Errors found before the first line (no CNPJ/CPF column) are a plain JSON 4xx instead.
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";
import { appErrorResponse } from "@/lib/http/define-route";
import { newRequestId } from "@/lib/request-id";
import { readHeader } from "./read-csv-rows";
import { checkColumns, runImport } from "./run-import";
import type { SpooledFile } from "./spool-upload";

export async function importResponse(options: { file: SpooledFile; manufacturerId: string; actor: Actor; apply: boolean }) {
  const { file } = options;
  try {
    checkColumns(await readHeader(file.path));
  } catch (error) {
    await file.remove();
    if (error instanceof AppError) return appErrorResponse(error);
    throw error;
  }
  const t = await getTranslations("validation");
  const tImport = await getTranslations("subscriptions.import");
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      void (async () => {
        try {
          const summary = await runImport({
            file: file.path,
            manufacturerId: options.manufacturerId,
            actor: options.actor,
            apply: options.apply,
            events: {
              onColumns: (columns) => send({ type: "columns", ignored: columns.ignored, duplicated: columns.duplicated }),
              onIssue: (issue, column) =>
                send({
                  type: "issue",
                  line: issue.line,
                  column,
                  message: t.has(issue.key as never) ? t(issue.key as never, issue.values as never) : t("invalid"),
                }),
              onBatch: (batch, counts) => send({ type: "batch", ...batch, counts }),
            },
          });
          send({ type: "done", counts: summary.counts, failedBatches: summary.batches.failed });
        } catch (error) {
          const requestId = newRequestId();
          if (!(error instanceof AppError)) console.error(`[import] request ${requestId} failed:`, error);
          send({ type: "error", message: error instanceof AppError ? tImport("errors.stopped") : tImport("errors.internal", { requestId }) });
        } finally {
          await file.remove();
          controller.close();
        }
      })();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
