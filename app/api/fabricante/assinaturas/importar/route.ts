// Fabricante → Assinaturas → Importar (CSV): the file is the request body. `modo=simular` (dry run)
// or `modo=aplicar`; the answer streams NDJSON lines as the import goes (see lib/import/import-response.ts).
import { z } from "zod";
import { actorOf } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/define-route";
import { importResponse } from "@/lib/import/import-response";
import { MAX_IMPORT_BYTES, fileTooLarge, spoolUpload } from "@/lib/import/spool-upload";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  name: "fabricante/assinaturas/importar",
  permission: "subscriptions.import",
  query: z.object({ modo: z.enum(["simular", "aplicar"], { error: "invalid" }) }),
  handler: async ({ request, context, query }) => {
    if (context.account.kind !== "FABRICANTE") throw new AppError("FORBIDDEN");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) throw fileTooLarge();
    const file = await spoolUpload(request.body);
    return importResponse({ file, manufacturerId: context.account.id, actor: actorOf(context), apply: query.modo === "aplicar" });
  },
});
