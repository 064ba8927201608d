// What SIGTERM / SIGINT do to the server (a deploy, a process manager, a container stop):
//   1. stop accepting: the listening socket closes and readiness (/api/health/ready) answers 503;
//   2. requests in flight finish (up to DRAIN_TIMEOUT_MS); their responses carry "Connection: close"
//      and idle keep-alive sockets are closed, so no client is reset mid-request;
//   3. background loops end and pools close, in the order given;
//   4. the process exits 0 (1 when a step failed).
// The draining flag lives on globalThis so that Next's server bundle (the health route) sees it.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

export const DRAIN_TIMEOUT_MS = 25_000;
/** A connection that sent no request yet gets this long to send one (answered, then closed). */
export const FIRST_REQUEST_GRACE_MS = 5_000;

const KEY = Symbol.for("portal-assinaturas.draining");
const registry = globalThis as unknown as { [KEY]?: boolean };

/** True once a shutdown has begun: readiness answers 503 and new responses close their connection. */
export function isDraining(): boolean {
  return registry[KEY] === true;
}

export function setDraining(value: boolean): void {
  registry[KEY] = value;
}

export type ShutdownStep = { name: string; run: () => unknown };

export type GracefulShutdownOptions = {
  /** Run after the last request finished, in order (loops first, pools last). */
  steps: ShutdownStep[];
  drainTimeoutMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
};

/**
 * Tracks the requests in flight on server and installs the signal handlers. Returns shutdown(), the
 * same sequence the signals start (tests call it directly).
 */
export function installGracefulShutdown(server: Server, options: GracefulShutdownOptions): () => Promise<void> {
  const drainTimeoutMs = options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
  const log = options.log ?? ((message: string) => console.log(message));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const inFlight = new Set<ServerResponse>();
  // Per connection: requests served and in progress. Node's own closeIdleConnections would also
  // close a connection just accepted whose first request is still on the wire (the client sees a
  // reset); here only connections idle after a response, or silent too long, are closed.
  const sockets = new Map<Socket, { acceptedAt: number; served: number; active: number }>();
  server.on("connection", (socket: Socket) => {
    sockets.set(socket, { acceptedAt: Date.now(), served: 0, active: 0 });
    socket.once("close", () => sockets.delete(socket));
  });
  const closeIdle = () => {
    const now = Date.now();
    for (const [socket, use] of sockets) {
      if (use.active === 0 && (use.served > 0 || now - use.acceptedAt > FIRST_REQUEST_GRACE_MS)) socket.destroySoon();
    }
  };

  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    const use = sockets.get(req.socket);
    if (use) use.active++;
    res.once("close", () => {
      inFlight.delete(res);
      if (use) {
        use.active--;
        use.served++;
        if (isDraining() && use.active === 0) req.socket.destroySoon();
      }
    });
    if (isDraining()) res.setHeader("Connection", "close");
  });

  let running: Promise<void> | null = null;
  const shutdown = () =>
    (running ??= (async () => {
      setDraining(true);
      const started = Date.now();
      log("[shutdown] parando: novas conexões recusadas, aguardando as requisições em andamento", {
        inFlight: inFlight.size,
      });
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      // net.Server's close: stop listening, without http.Server's closing of every idle connection.
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      // A keep-alive socket becomes idle when its response ends: close it then, until all are gone.
      closeIdle();
      const idleSweep = setInterval(closeIdle, 100);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        closed.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), drainTimeoutMs);
        }),
      ]);
      clearInterval(idleSweep);
      clearTimeout(timer);
      if (timedOut) {
        log("[shutdown] tempo esgotado: encerrando as conexões restantes", { inFlight: inFlight.size });
        server.closeAllConnections();
      }
      let failed = false;
      for (const step of options.steps) {
        try {
          await step.run();
        } catch (error) {
          failed = true;
          log(`[shutdown] ${step.name} falhou: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      log("[shutdown] encerrado", { ms: Date.now() - started });
      exit(failed ? 1 : 0);
    })());

  for (const signal of options.signals ?? (["SIGTERM", "SIGINT"] as NodeJS.Signals[])) {
    process.on(signal, () => void shutdown());
  }
  return shutdown;
}
