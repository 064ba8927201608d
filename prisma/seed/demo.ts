// The demo data: three fictional manufacturers, their customers and ~300 serials covering every
// situation of DESIGN.md's status table, the logins of demo-logins.ts and a lojista that buys
// from two manufacturers. Deterministic (seeded generator); every date is relative to `now`.
import type { Database } from "../../lib/db/connection";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_PASSWORD } from "./demo-logins";
import { hashApiKey } from "../../lib/data/api-keys";
import { apiKeyPrefix } from "../../lib/domain/api-keys";
import { DEMO_API_KEY, DEMO_API_KEY_NAME } from "./demo-api-key";
import { DEMO_WEBHOOK_SECRET, DEMO_WEBHOOK_URL } from "./demo-webhook";
import type { SerialHistory } from "./demo-rows";
import { buildSerialHistory, type ManufacturerContext, type ReasonRef, type SerialSpec } from "./demo-serial-history";
import { guaranteedSpecs, linkedCustomerSpecs, randomSpec } from "./demo-serial-specs";
import { documentFactory, serialFactory } from "./identifiers";
import { insertRows } from "./insert-rows";
import { createRandom, type Random } from "./random";
import {
  CANCELLATION_REASONS,
  CITIES,
  FIRST_NAMES,
  STORE_NAMES,
  SUSPENSION_REASONS,
  SURNAMES,
  type ReasonSeed,
} from "./vocabulary";

export type DemoSummary = {
  accounts: number;
  users: number;
  memberships: number;
  reasons: number;
  customers: number;
  subscriptions: number;
  activations: number;
  events: number;
};

const SEED = 20_261_126;
const DAY = 24 * 60 * 60 * 1000;

const MANUFACTURERS = [
  { name: "Móveis Aurora Indústria", graceDays: 15, customers: 40, serials: 220 },
  { name: "Cozinhas Horizonte", graceDays: 10, customers: 10, serials: 55 },
  { name: "Planejados Serra Azul", graceDays: 15, customers: 5, serials: 25 },
] as const;

const LOJISTA = { name: "Casa & Estilo Planejados", city: "Maringá", state: "PR", email: "financeiro@casaeestilo.test" };

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\b(ltda|me)\b/g, "")
    .replace(/[^a-z0-9]+/g, "");
}

/** Distinct person names ("Márcia Assunção Leão") for profissionais liberais. */
function personNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)} ${random.pick(SURNAMES)}`);
  return [...names];
}

/** Spreads specs over customers unevenly (a few big retailers, many small ones), one at least each. */
function distribute<T>(random: Random, items: T[], buckets: number): T[][] {
  const result: T[][] = Array.from({ length: buckets }, () => []);
  const weights = random.shuffle(Array.from({ length: buckets }, (_, i) => [i, 1 / (i + 1) ** 0.9] as const));
  items.forEach((item, i) => result[i < buckets ? i : random.weighted(weights)]!.push(item));
  return result;
}

export async function seedDemo(db: Database, now = new Date()): Promise<DemoSummary> {
  const random = createRandom(SEED);
  const documents = documentFactory(random);
  const nextSerial = serialFactory(random);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  return db.sql.transaction(async (sql) => {
    const [existing] = await sql.query<{ count: number }>("SELECT count(*)::int AS count FROM accounts");
    if (existing?.count) {
      throw new Error(
        `A semente de demonstração só roda num banco vazio, e este já tem ${existing.count} conta(s) (npm run db:seed -- --reset recomeça do zero).`,
      );
    }

    const manufacturers = MANUFACTURERS.map((m, i) => ({
      id: random.uuid(),
      kind: "FABRICANTE",
      name: m.name,
      document: documents.cnpj(),
      grace_days: m.graceDays,
      swap_limit: 3,
      created_at: ago(900 - i * 120),
    }));
    const lojista = {
      id: random.uuid(),
      kind: "LOJISTA",
      name: LOJISTA.name,
      document: documents.cnpj(),
      grace_days: 15,
      swap_limit: 3,
      created_at: ago(400),
    };
    await insertRows(sql, "accounts", [...manufacturers, lojista]);
    const [m1, m2, m3] = manufacturers as [typeof lojista, typeof lojista, typeof lojista];

    const person = (email: string, name: string, defaultAccount: { id: string }) => ({
      id: random.uuid(),
      email,
      name,
      password_hash: passwordHash,
      default_account_id: defaultAccount.id,
      created_at: ago(380),
    });
    const fabricante = person("fabricante@demo.test", "Fernanda Albuquerque", m1);
    const fabricante3 = person("fabricante3@demo.test", "Patrícia Gonçalves", m3);
    const users = [
      fabricante,
      person("admin@demo.test", "Ricardo Almeida", m1),
      person("convidado@demo.test", "Juliana Souza", m1),
      person("lojista@demo.test", "Marcos Conceição", lojista),
      fabricante3,
    ];
    await insertRows(sql, "users", users);
    const member = (user: { id: string }, account: { id: string }, profiles: string[]) => ({
      id: random.uuid(),
      user_id: user.id,
      account_id: account.id,
      profiles,
      created_at: ago(370),
    });
    await insertRows(sql, "memberships", [
      member(fabricante, m1, ["FABRICANTE", "RESPONSAVEL"]),
      member(fabricante, m2, ["FABRICANTE"]),
      member(users[1]!, m1, ["ADMINISTRADOR"]),
      member(users[2]!, m1, ["CONVIDADO"]),
      member(users[3]!, lojista, ["RESPONSAVEL"]),
      member(fabricante3, m3, ["FABRICANTE"]),
    ]);

    const reasonRows: object[] = [];
    const contexts: ManufacturerContext[] = manufacturers.map((account, i) => {
      const refs = (kind: string, seeds: ReasonSeed[]): ReasonRef[] =>
        seeds.map((seed) => {
          const ref = { ...seed, id: random.uuid() };
          reasonRows.push({
            id: ref.id,
            manufacturer_id: account.id,
            kind,
            label: seed.label,
            label_en: seed.labelEn,
            requires_description: seed.requiresDescription,
            active: true,
          });
          return ref;
        });
      return {
        accountId: account.id,
        graceDays: account.grace_days,
        actorUserId: i === 2 ? fabricante3.id : fabricante.id,
        suspensionReasons: refs("SUSPENSAO", SUSPENSION_REASONS),
        cancellationReasons: refs("CANCELAMENTO", CANCELLATION_REASONS),
      };
    });
    await insertRows(sql, "reasons", reasonRows);

    const stores = random.shuffle([...STORE_NAMES]);
    const customers: {
      id: string;
      manufacturer_id: string;
      account_id: string | null;
      type: string;
      name: string;
      document: string;
      city: string;
      state: string;
      email: string;
      created_at: Date;
    }[] = [];
    const histories: SerialHistory[] = [];
    MANUFACTURERS.forEach((config, i) => {
      const context = contexts[i]!;
      const linked = i < 2;
      const professionals = Math.round(config.customers * 0.3);
      const own = [
        ...stores
          .splice(0, config.customers - professionals - (linked ? 1 : 0))
          .map((name) => ({ type: "LOJISTA", name, document: documents.cnpj(), email: `contato@${slug(name)}.test` })),
        ...personNames(random, professionals).map((name) => {
          const [first, , last] = name.split(" ");
          return { type: "PROFISSIONAL", name, document: documents.cpf(), email: `${slug(first!)}.${slug(last!)}@email.test` };
        }),
      ].map((c) => {
        const [city, state] = random.pick(CITIES);
        return {
          id: random.uuid(),
          manufacturer_id: context.accountId,
          account_id: null as string | null,
          ...c,
          city,
          state,
          created_at: ago(random.int(30, 700)),
        };
      });
      const specs: SerialSpec[] = guaranteedSpecs(config.graceDays, i === 0);
      const linkedSpecs = linked ? linkedCustomerSpecs(config.graceDays, i === 0) : [];
      while (specs.length + linkedSpecs.length < config.serials) specs.push(randomSpec(random));
      const perCustomer = distribute(random, random.shuffle(specs), own.length);
      if (linked) {
        own.unshift({
          id: random.uuid(),
          manufacturer_id: context.accountId,
          account_id: lojista.id,
          type: "LOJISTA",
          name: LOJISTA.name,
          document: lojista.document,
          email: LOJISTA.email,
          city: LOJISTA.city,
          state: LOJISTA.state,
          created_at: ago(390),
        });
        perCustomer.unshift(linkedSpecs);
      }
      own.forEach((customer, c) => {
        for (const spec of perCustomer[c]!) {
          histories.push(
            buildSerialHistory({ manufacturer: context, customerId: customer.id, spec, serialNumber: nextSerial(), random, now }),
          );
        }
      });
      customers.push(...own);
    });
    await insertRows(sql, "customers", customers);
    await insertRows(
      sql,
      "subscriptions",
      histories.map((h) => h.subscription),
    );
    await insertRows(
      sql,
      "activations",
      histories.flatMap((h) => h.activations),
    );
    await insertRows(
      sql,
      "subscription_events",
      histories.flatMap((h) => h.events),
    );
    // After the history, so the past events are not sent: only what happens from now on.
    await sql.query(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, secret)
       VALUES ($1, $2, ARRAY['serial.created','serial.activated','serial.swapped','serial.deactivated',
                             'serial.suspended','serial.released','serial.cancelled','serial.renewed'], $3)`,
      [m1.id, DEMO_WEBHOOK_URL, DEMO_WEBHOOK_SECRET],
    );
    await sql.query(
      `INSERT INTO api_keys (account_id, name, prefix, key_hash, scopes) VALUES ($1, $2, $3, $4, ARRAY['read','write'])`,
      [m1.id, DEMO_API_KEY_NAME, apiKeyPrefix(DEMO_API_KEY), hashApiKey(DEMO_API_KEY)],
    );

    const [counts] = await sql.query<DemoSummary>(`SELECT
      (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM users) AS users,
      (SELECT count(*)::int FROM memberships) AS memberships, (SELECT count(*)::int FROM reasons) AS reasons,
      (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM subscriptions) AS subscriptions,
      (SELECT count(*)::int FROM activations) AS activations, (SELECT count(*)::int FROM subscription_events) AS events`);
    return counts!;
  });
}
