// npm run sweep — releases now every suspension whose end date has passed (the server also does
// this every minute). Useful from cron when no server is running.
import { getDatabase } from "../lib/db/connection";
import { sweepOnce } from "../lib/runtime/suspension-sweeper";

const db = await getDatabase();
try {
  const count = await sweepOnce();
  console.log(`${count} assinatura(s) liberada(s).`);
} finally {
  await db.close();
}
