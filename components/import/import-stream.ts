// Sends an import file and reads the server's NDJSON lines as they arrive (XMLHttpRequest: it
// reports the upload's progress, which fetch can't), for the Importar page.
import type { ImportCounts } from "@/lib/data/subscription-import";

export type ImportIssueLine = { line: number; column: string | null; message: string };
export type FailedBatch = { fromLine: number; toLine: number; rows: number };
export type ImportLine =
  | { type: "columns"; ignored: string[]; duplicated: string[] }
  | ({ type: "issue" } & ImportIssueLine)
  | { type: "batch"; fromLine: number; toLine: number; rows: number; applied: boolean; counts: ImportCounts }
  | { type: "done"; counts: ImportCounts; failedBatches: FailedBatch[] }
  | { type: "error"; message: string };

export type ImportStreamHandlers = {
  onUpload: (fraction: number) => void;
  onLine: (line: ImportLine) => void;
  /** A refusal before any line (4xx JSON) or a broken connection. */
  onFailure: (message: string | null) => void;
  onEnd: () => void;
};

export function sendImport(file: File, mode: "simular" | "aplicar", handlers: ImportStreamHandlers): () => void {
  const xhr = new XMLHttpRequest();
  let read = 0;
  const drain = (final: boolean) => {
    if (xhr.status !== 200) return;
    const text = xhr.responseText;
    const end = final ? text.length : text.lastIndexOf("\n") + 1;
    if (end <= read) return;
    for (const line of text.slice(read, end).split("\n")) if (line.trim()) handlers.onLine(JSON.parse(line) as ImportLine);
    read = end;
  };
  xhr.open("POST", `/api/fabricante/assinaturas/importar?modo=${mode}`);
  xhr.setRequestHeader("Content-Type", "text/csv");
  xhr.upload.onprogress = (event) => {
    if (event.lengthComputable) handlers.onUpload(event.loaded / event.total);
  };
  xhr.onprogress = () => drain(false);
  xhr.onload = () => {
    if (xhr.status === 200) {
      drain(true);
      handlers.onEnd();
      return;
    }
    let message: string | null = null;
    try {
      message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? null;
    } catch {
      // Not our JSON (a proxy's page): the generic message.
    }
    handlers.onFailure(message);
  };
  xhr.onerror = () => handlers.onFailure(null);
  xhr.send(file);
  return () => xhr.abort();
}
