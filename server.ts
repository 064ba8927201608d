// The portal's server: checks configuration, applies migrations (refusing to start when an applied
// one was edited), optionally loads the demo data, then serves Next.js on PORT.
//   node --import tsx server.ts          production (after `next build`; npm start): the process
//                                        receives SIGTERM itself and shuts down gracefully
//   node --import tsx server.ts --dev    development with hot reload
//   node --import tsx server.ts --demo   also seed the demo data into an empty database and print the logins
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { watchDatabase } from "./lib/db/availability";
import { getDatabase } from "./lib/db/connection";
import { migrate, MigrationError } from "./lib/db/migrator";
import { describeTarget } from "./lib/db/target";
import { parseServerEnv } from "./lib/env.server";
import { closeApiSql } from "./lib/data/api-db";
import { closeLicenseDb, getLicenseDb } from "./lib/data/license-db";
import { closeExportPools } from "./lib/data/subscription-export-copy";
import { createLicenseApi } from "./lib/license/api";
import { startCounterPurge } from "./lib/license/counter-purge";
import { createLicenseNodeHandler, isLicenseApiRequest } from "./lib/license/node-handler";
import { createManufacturerNodeHandler, isManufacturerApiRequest } from "./lib/manufacturer-api/node-handler";
import { licenseRateLimits } from "./lib/license/rate-limit";
import { getSigningKey } from "./lib/license/signing-key";
import { resolveClientIp } from "./lib/http/client-ip";
import { bootstrapEnv } from "./lib/runtime/bootstrap-env";
import { configureHttpServer } from "./lib/runtime/configure-http-server";
import { installGracefulShutdown } from "./lib/runtime/graceful-shutdown";
import { logger, routeConsoleToLogger } from "./lib/runtime/logger";
import { withRequestOperations } from "./lib/runtime/request-operations";
import { startSuspensionSweeper } from "./lib/runtime/suspension-sweeper";
import { startWebhookWorkers } from "./lib/runtime/webhook-workers";

const dev = process.argv.includes("--dev");
const demo = process.argv.includes("--demo");

async function main() {
  // The start banner (URL, demo logins, API key) is for the person at the terminal: plain lines on
  // stdout, not JSON log entries.
  const print = console.log.bind(console);
  routeConsoleToLogger();
  bootstrapEnv();
  const env = parseServerEnv();
  const db = await getDatabase();
  console.log(`Banco de dados: ${describeTarget(db.target)}`);
  // A lost connection marks PostgreSQL away; pages and APIs answer 503 until a probe reaches it.
  watchDatabase(db.target.kind === "postgres" ? db.target.url : null);

  const applied = await migrate(db.sql);
  if (applied.length) console.log(`Migrações aplicadas: ${applied.join(", ")}`);

  if (demo) {
    const [row] = await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM accounts");
    if (row?.count === 0) {
      const { seedDemo } = await import("./prisma/seed/demo");
      await seedDemo(db);
      console.log("Dados de demonstração carregados.");
    }
  }

  // The desktop license API is answered here, before Next (README, "Decisions"); a bad signing key
  // or limit stops the start like any other configuration error.
  const licenseKey = getSigningKey();
  console.log(
    `Licenças assinadas com a chave ${licenseKey.kid} (${licenseKey.source === "env" ? "LICENSE_SIGNING_KEY" : ".data/license-signing-key.pem"}).`,
  );
  const licenseApi = createLicenseNodeHandler(
    createLicenseApi({ db: await getLicenseDb(), key: licenseKey, limits: licenseRateLimits() }),
  );
  const manufacturerApi = createManufacturerNodeHandler();
  const stopCounterPurge = startCounterPurge(db.sql);
  // Suspensions with a "suspender até" date are released when it passes (npm run sweep does it on demand).
  const stopSweeper = startSuspensionSweeper();
  // The demo lets webhooks reach a receiver on this computer (npm run webhook:receiver).
  if (demo) process.env.WEBHOOKS_ALLOW_LOCALHOST ??= "1";
  const stopWebhooks = await startWebhookWorkers(db);

  const app = next({ dev, hostname: "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Who answers a request: one line per path prefix answered before Next, then Next.
  function dispatch(req: IncomingMessage, res: ServerResponse): void {
    // The per-IP login throttle and API limits key on X-Forwarded-For; without a trusted proxy in
    // front, it is the socket's address and nothing the client sends.
    req.headers["x-forwarded-for"] = resolveClientIp(req.headers["x-forwarded-for"], req.socket.remoteAddress, env.TRUST_PROXY);
    if (isLicenseApiRequest(req.url)) return licenseApi(req, res);
    if (isManufacturerApiRequest(req.url)) return manufacturerApi(req, res);
    handle(req, res).catch((error: unknown) => {
      console.error("[server] unhandled request error:", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  }

  const server = createServer(withRequestOperations(dispatch, logger()));
  configureHttpServer(server, { publicUrl: env.NEXTAUTH_URL });
  // SIGTERM / SIGINT: stop accepting, let requests in flight finish, then end loops and pools.
  installGracefulShutdown(server, {
    steps: [
      { name: "counter purge", run: stopCounterPurge },
      { name: "sweeper", run: stopSweeper },
      // Batches in flight are recorded before the database closes (at most the send timeout).
      { name: "webhook workers", run: stopWebhooks },
      { name: "pools", run: () => Promise.all([closeLicenseDb(), closeApiSql(), db.close(), closeExportPools()]) },
    ],
    log: (message, fields) => logger().info(fields ?? {}, message),
  });

  server.listen(env.PORT, env.HOST, async () => {
    print(`\nPortal de Assinaturas pronto em ${env.NEXTAUTH_URL}`);
    if (demo) {
      const { DEMO_LOGINS, DEMO_PASSWORD } = await import("./prisma/seed/demo-logins");
      // The password is shown to a person at a terminal, never written to a log (README, "Operations").
      print(`\nLogins de demonstração (senha ${process.stdout.isTTY ? DEMO_PASSWORD : "no README"}):`);
      for (const login of DEMO_LOGINS) print(`  ${login.email.padEnd(24)} ${login.description}`);
      print(
        "\nWebhooks: Móveis Aurora Indústria envia os eventos dos seriais para http://localhost:4000/webhooks;" +
          " rode `npm run webhook:receiver` em outro terminal para vê-los chegar.",
      );
      const { DEMO_API_KEY, demoApiCurl } = await import("./prisma/seed/demo-api-key");
      print(`\nAPI de integração (Móveis Aurora Indústria): chave ${DEMO_API_KEY}\n  ${demoApiCurl(env.NEXTAUTH_URL)}`);
    }
  });
}

main().catch((error: unknown) => {
  if (error instanceof MigrationError) {
    console.error(`\nO portal não foi iniciado: ${error.message}`);
  } else {
    console.error("\nO portal não foi iniciado:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
