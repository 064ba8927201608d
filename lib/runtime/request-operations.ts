// What server.ts wraps around every request, whoever answers it (the license API or Next):
// - a request id (X-Request-Id) and one JSON log line when the response ends: id, method, path,
//   status, duration, account and user when signed in (lib/runtime/logger.ts says what is never logged);
// - while PostgreSQL is away (lib/db/availability.ts), an immediate 503 with Retry-After instead of
//   a request that waits for a connection: a pt-BR page for the browser, JSON for the APIs. The
//   health endpoints and static files still answer; server actions go through and report the
//   outage in their own form message.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { isDatabaseDown, RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import { newRequestId } from "@/lib/request-id";
import { loggablePath } from "./logger";
import { REQUEST_ID_HEADER, runWithRequestContext, trackRequest, type RequestContext } from "./request-context";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const PASSES_WHEN_DOWN = /^\/(?:api\/health(?:\/|$|\?)|_next\/static\/|icon\.svg|robots\.txt|favicon\.ico)/;

export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal temporariamente indisponível</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.5rem}</style>
</head><body><main>
<h1>Portal temporariamente indisponível</h1>
<p>O banco de dados do portal está fora do ar por alguns instantes (reinício ou manutenção). Nada foi alterado.</p>
<p>Tente novamente em alguns segundos: <a href="">recarregar esta página</a>.</p>
</main></body></html>
`;

function unavailableAnswer(req: IncomingMessage): { headers: Record<string, string>; body: string } {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if ((req.url ?? "").startsWith("/api/")) {
    const body = JSON.stringify({
      error: {
        code: "UNAVAILABLE",
        message: "O portal está temporariamente indisponível (banco de dados fora do ar). Tente novamente em alguns segundos.",
      },
    });
    return { headers: { ...headers, "content-type": "application/json; charset=utf-8" }, body };
  }
  return { headers: { ...headers, "content-type": "text/html; charset=utf-8" }, body: UNAVAILABLE_PAGE };
}

function answerUnavailable(req: IncomingMessage, res: ServerResponse): void {
  const { headers, body } = unavailableAnswer(req);
  res.writeHead(503, headers).end(body);
}

/**
 * A 5xx about to be written while the database is away is the outage, not a bug: it becomes the
 * same 503 (page or JSON, Retry-After) as the requests the outage turned away, whatever body the
 * handler was about to send.
 */
function outageStatus(req: IncomingMessage, res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status < 500 || status === 503 || !isDatabaseDown()) return writeHead(status, ...rest);
    const { headers, body } = unavailableAnswer(req);
    for (const name of res.getHeaderNames()) if (/^(content-|etag$|transfer-encoding$|vary$)/.test(name)) res.removeHeader(name);
    writeHead(503, headers);
    res.write = ((...args: unknown[]) => {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as ServerResponse["write"];
    res.end = ((...args: unknown[]) => {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      return end(body, callback);
    }) as ServerResponse["end"];
    return res;
  }) as ServerResponse["writeHead"];
}

export function withRequestOperations(handler: Handler, log: Logger): Handler {
  return (req, res) => {
    const context: RequestContext = { id: newRequestId() };
    const started = process.hrtime.bigint();
    res.setHeader("x-request-id", context.id);
    // Set by the server only: a client's own value would name another request.
    req.headers[REQUEST_ID_HEADER] = context.id;
    const untrack = trackRequest(context);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      untrack();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      const line = {
        reqId: context.id,
        method: req.method,
        path: loggablePath(req.url),
        status,
        ms: Math.round(ms * 10) / 10,
        ...(context.accountId && { account: context.accountId }),
        ...(context.userId && { user: context.userId }),
        ...(!res.writableFinished && { aborted: true }),
      };
      if (status >= 500) log.error(line, "request");
      else log.info(line, "request");
    };
    res.once("finish", done);
    res.once("close", done);
    const path = req.url ?? "/";
    if (isDatabaseDown() && !PASSES_WHEN_DOWN.test(path) && !req.headers["next-action"]) {
      answerUnavailable(req, res);
      return;
    }
    outageStatus(req, res);
    runWithRequestContext(context, () => handler(req, res));
  };
}
