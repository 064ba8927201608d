// The list benchmark's filter combinations, with values taken from the manufacturer's own data
// (a real CNPJ, serial, machine name and product), so every search matches something.
import type pg from "pg";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";

export type BenchCase =
  | { kind: "list"; name: string; query: string; reference?: boolean }
  | { kind: "serial"; name: string; serialNumber: string; tab: "detalhes" | "ativacoes" | "historico" };

export type BenchAccount = { scope: SubscriptionScope & { kind: "manufacturer" }; name: string; serials: number };

export async function benchAccount(client: pg.Client, email: string): Promise<BenchAccount> {
  const { rows } = await client.query<{ id: string; name: string; grace_days: number; serials: number }>(
    `SELECT a.id, a.name, a.grace_days,
            (SELECT count(*)::int FROM subscriptions s WHERE s.manufacturer_id = a.id) AS serials
       FROM users u JOIN accounts a ON a.id = u.default_account_id
      WHERE u.email = $1 AND a.kind = 'FABRICANTE'`,
    [email],
  );
  const row = rows[0];
  if (!row) throw new Error(`${email} has no manufacturer default account`);
  return { scope: { kind: "manufacturer", accountId: row.id, graceDays: row.grace_days }, name: row.name, serials: row.serials };
}

async function one<T>(client: pg.Client, text: string, values: unknown[]): Promise<T> {
  const { rows } = await client.query(text, values);
  if (!rows[0]) throw new Error(`no sample row for: ${text}`);
  return rows[0] as T;
}

/** YYYY-MM-DD in São Paulo (UTC−3), `days` from now. */
function saoPauloDate(now: Date, days: number): string {
  return new Date(now.getTime() - 3 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export async function benchCases(client: pg.Client, account: BenchAccount, word: string, deepPage: number): Promise<BenchCase[]> {
  const id = account.scope.accountId;
  // Mid-table samples (OFFSET) rather than the first rows, which the seed may treat specially.
  const { document } = await one<{ document: string }>(
    client,
    `SELECT document FROM customers WHERE manufacturer_id = $1 AND length(document) = 14 ORDER BY document
      OFFSET least(1000, (SELECT count(*) / 2 FROM customers WHERE manufacturer_id = $1 AND length(document) = 14)) LIMIT 1`,
    [id],
  );
  const { serial_number: serial } = await one<{ serial_number: string }>(
    client,
    `SELECT serial_number FROM subscriptions WHERE manufacturer_id = $1 ORDER BY serial_number
      OFFSET least(5000, (SELECT count(*) / 2 FROM subscriptions WHERE manufacturer_id = $1)) LIMIT 1`,
    [id],
  );
  const { machine_name: machine } = await one<{ machine_name: string }>(
    client,
    `SELECT a.machine_name FROM subscriptions s JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
      WHERE s.manufacturer_id = $1 AND a.machine_name ~ '^[A-Z]+-[0-9]+$' ORDER BY s.serial_number OFFSET 100 LIMIT 1`,
    [id],
  );
  const { product } = await one<{ product: string }>(
    client,
    `SELECT product FROM subscriptions WHERE manufacturer_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [id],
  );
  // The serial page's heaviest shape: suspended (so Detalhes also reads who blocked it), moved
  // between computers in the last 30 days, with several activations and events.
  const { serial_number: detailSerial } = await one<{ serial_number: string }>(
    client,
    `SELECT s.serial_number FROM subscriptions s
      WHERE s.manufacturer_id = $1 AND s.status = 'SUSPENSA' AND s.last_swap_at >= now() - interval '30 days'
        AND (SELECT count(*) FROM activations a WHERE a.subscription_id = s.id) >= 2
        AND (SELECT count(*) FROM subscription_events e WHERE e.subscription_id = s.id) >= 4
      ORDER BY s.serial_number LIMIT 1`,
    [id],
  );
  // The deep page (the last one on a smaller dataset), and the cursor its "next" link carries: the
  // last customer of the page before it, in the list's name order.
  const { customers } = await one<{ customers: number }>(
    client,
    `SELECT count(*)::int AS customers FROM customers c
      WHERE c.manufacturer_id = $1 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id)`,
    [id],
  );
  const deep = Math.max(2, Math.min(deepPage, Math.ceil(customers / 25)));
  const { id: cursor } = await one<{ id: string }>(
    client,
    `SELECT c.id FROM customers c
      WHERE c.manufacturer_id = $1 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = c.id)
      ORDER BY c.search_text, c.id OFFSET $2 LIMIT 1`,
    [id, (deep - 1) * 25 - 1],
  );
  const now = new Date();
  const list = (name: string, query: string): BenchCase => ({ kind: "list", name, query });
  return [
    list("none", ""),
    list(`cliente=${word}`, `cliente=${encodeURIComponent(word)}`),
    list(`cliente=${document.slice(0, 8)} (CNPJ root)`, `cliente=${document.slice(0, 8)}`),
    list(`serie=${serial.slice(5, 9)}`, `serie=${serial.slice(5, 9)}`),
    list(`maquina=${machine.slice(1)}`, `maquina=${encodeURIComponent(machine.slice(1))}`),
    list("status=TOLERANCIA", "status=TOLERANCIA"),
    list("status=EXPIRADA", "status=EXPIRADA"),
    list("situacao=SUSPENSA", "situacao=SUSPENSA"),
    list(`produto=${product}`, `produto=${encodeURIComponent(product)}`),
    list("expira: next 30 days", `expiraDe=${saoPauloDate(now, 0)}&expiraAte=${saoPauloDate(now, 29)}`),
    list("trocas=1", "trocas=1"),
    list(`status=ATIVA&cliente=${word}`, `status=ATIVA&cliente=${encodeURIComponent(word)}`),
    list("ordem=vencimento", "ordem=vencimento"),
    list("ordem=trocas", "ordem=trocas"),
    list(`pagina=${deep} (typed: by offset)`, `pagina=${deep}`),
    list(`pagina=${deep} (from its link: by keyset)`, `pagina=${deep}&apos=${cursor}`),
    // The page's fixed cost: the same page when the filter matches nothing (its SQL is ~1 ms).
    { kind: "list", name: "reference: no match (serie=ZZZZ-ZZZZ)", query: "serie=ZZZZ-ZZZZ", reference: true },
    { kind: "serial", name: `serial ${detailSerial} (Detalhes)`, serialNumber: detailSerial, tab: "detalhes" },
    { kind: "serial", name: `serial ${detailSerial} (Ativações)`, serialNumber: detailSerial, tab: "ativacoes" },
    { kind: "serial", name: `serial ${detailSerial} (Histórico)`, serialNumber: detailSerial, tab: "historico" },
  ];
}
