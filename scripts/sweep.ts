// npm run sweep — releases now every suspension whose end date has passed (the server also does
// this every minute). Useful from cron when no server is running.
import { getDatabase } from "../lib/db/connection";
import { sweepOnce } from "../lib/runtime/suspension-sweeper";

try {
  const db = await getDatabase();
  try {
    let released = 0;
    // One pass handles a batch; repeat until nothing is due.
    for (let batch = await sweepOnce(); batch > 0; batch = await sweepOnce()) released += batch;
    console.log(`${released} assinatura(s) liberada(s).`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
