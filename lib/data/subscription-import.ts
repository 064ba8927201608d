// Importar (CSV), one batch at a time: customers upserted by CNPJ/CPF, subscriptions by serial
// number, with the rules of Novo cliente / Nova assinatura / Registrar renovação. A dry run plans
// without writing; applying writes each batch in one transaction (all of it or none). Re-importing
// the same file finds nothing to change and writes nothing.
import type { SqlClient } from "@/lib/db/sql-client";
import type { Actor } from "@/lib/domain/actor";
import { endOfSaoPauloDay, firstExpiry, renewalOutcome, startOfSaoPauloDay, type Plan } from "@/lib/domain/renewal";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import type { ImportCustomer, ImportRow, RowIssue } from "@/lib/validation/import-row";
import { insertSubscriptionEvents, type SubscriptionEventInput } from "./subscription-events";
import { productKey } from "./subscription-sales";

export type ImportCounts = {
  rows: number;
  customersCreated: number;
  customersUpdated: number;
  subscriptionsCreated: number;
  subscriptionsUpdated: number;
  subscriptionsRenewed: number;
  unchanged: number;
  invalid: number;
};

export const emptyCounts = (): ImportCounts => ({
  rows: 0,
  customersCreated: 0,
  customersUpdated: 0,
  subscriptionsCreated: 0,
  subscriptionsUpdated: 0,
  subscriptionsRenewed: 0,
  unchanged: 0,
  invalid: 0,
});

type CustomerRow = Required<Omit<ImportCustomer, "document">> & { id: string; document: string };
type SubscriptionRow = {
  id: string;
  serial_number: string;
  manufacturer_id: string;
  customer_id: string;
  product: string;
  plan: Plan;
  started_at: Date;
  expires_at: Date;
  status: StoredStatus;
};

const CUSTOMER_FIELDS = ["name", "type", "city", "state", "email"] as const;

/** The São Paulo day of an instant, aaaa-mm-dd. */
function saoPauloDay(at: Date): string {
  return new Date(at.getTime() - 3 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function customerSignature(customer: ImportCustomer): string {
  return CUSTOMER_FIELDS.map((field) => customer[field] ?? "").join("\u0001");
}

/** Two rows of one customer agree when every field both of them fill is the same. */
function sameCustomer(first: string, other: string): boolean {
  const a = first.split("\u0001");
  const b = other.split("\u0001");
  return a.every((value, index) => !value || !b[index] || value === b[index]);
}

type Plan1 = {
  creates: Map<string, ImportCustomer>;
  updates: Map<string, CustomerRow>;
  newSubscriptions: { line: number; document: string; serialNumber: string; product: string; plan: Plan; startedAt: Date; expiresAt: Date }[];
  changes: { subscription: SubscriptionRow; product: string; plan: Plan; startedAt: Date; expiresAt: Date; renewedTo: StoredStatus | null }[];
};

/**
 * One import (one file): what it has seen so far, so a customer repeated on many rows (one per
 * serial, as the export writes them) is created once and a serial repeated is reported.
 */
export class SubscriptionImport {
  readonly counts = emptyCounts();
  private readonly seenDocuments = new Map<string, { signature: string; line: number }>();
  private readonly seenSerials = new Map<string, number>();
  private readonly catalog: Map<string, string>;

  constructor(
    private readonly manufacturerId: string,
    private readonly actor: Actor,
    private readonly apply: boolean,
    products: string[],
    private readonly now = new Date(),
  ) {
    this.catalog = new Map(products.map((product) => [productKey(product), product]));
  }

  /** Plans one batch and, when applying, writes it on `tx` (the caller's transaction). Returns the rows' issues. */
  async processBatch(tx: SqlClient, rows: ImportRow[]): Promise<{ issues: RowIssue[]; counts: ImportCounts }> {
    const counts = emptyCounts();
    const issues: RowIssue[] = [];
    const lock = this.apply ? " FOR UPDATE" : "";
    const documents = [...new Set(rows.map((row) => row.customer.document))];
    const serials = rows.flatMap((row) => (row.subscription ? [row.subscription.serialNumber] : []));
    const customers = new Map(
      (
        await tx.query<CustomerRow>(
          `SELECT id, document, name, type, city, state, email FROM customers
            WHERE manufacturer_id = $1 AND document = ANY($2::text[]) ORDER BY document${lock}`,
          [this.manufacturerId, documents],
        )
      ).map((row) => [row.document, row]),
    );
    const subscriptions = new Map(
      serials.length === 0
        ? []
        : (
            await tx.query<SubscriptionRow>(
              `SELECT id, serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status
                 FROM subscriptions WHERE serial_number = ANY($1::text[]) ORDER BY serial_number${lock}`,
              [serials],
            )
          ).map((row) => [row.serial_number, row]),
    );
    const plan: Plan1 = { creates: new Map(), updates: new Map(), newSubscriptions: [], changes: [] };

    for (const row of rows) {
      counts.rows++;
      const rowIssues: RowIssue[] = [];
      const { customer } = row;
      const seen = this.seenDocuments.get(customer.document);
      const signature = customerSignature(customer);
      if (seen && !sameCustomer(seen.signature, signature)) {
        rowIssues.push({ line: row.line, field: "document", key: "importCustomerConflict", values: { line: seen.line } });
      }
      const existing = customers.get(customer.document);
      // In a dry run, a customer an earlier row will create exists from then on.
      const planned = plan.creates.has(customer.document) || (!this.apply && seen !== undefined);
      let customerAction: "create" | "update" | null = null;
      let merged: CustomerRow | null = null;
      if (!existing && !planned) {
        for (const field of CUSTOMER_FIELDS) {
          if (!customer[field]) rowIssues.push({ line: row.line, field, key: "importRequiredForNewCustomer" });
        }
        customerAction = "create";
      } else if (existing && !seen) {
        merged = { ...existing };
        for (const field of CUSTOMER_FIELDS) {
          const value = customer[field];
          if (value !== undefined && value !== existing[field]) (merged as Record<string, string>)[field] = value;
        }
        if (CUSTOMER_FIELDS.some((field) => merged![field] !== existing[field])) customerAction = "update";
      }

      let subscriptionAction: "create" | "update" | "renew" | null = null;
      const wanted = row.subscription;
      if (wanted) {
        const earlier = this.seenSerials.get(wanted.serialNumber);
        const current = subscriptions.get(wanted.serialNumber);
        const product = wanted.product ? this.catalog.get(productKey(wanted.product)) : undefined;
        if (wanted.product && !product) rowIssues.push({ line: row.line, field: "product", key: "productUnknown" });
        if (earlier !== undefined) {
          rowIssues.push({ line: row.line, field: "serialNumber", key: "importSerialRepeated", values: { line: earlier } });
        } else if (!current) {
          if (!wanted.product) rowIssues.push({ line: row.line, field: "product", key: "importRequiredForNewSerial" });
          if (!wanted.plan) rowIssues.push({ line: row.line, field: "plan", key: "importRequiredForNewSerial" });
          const startedAt = wanted.startedAt ? startOfSaoPauloDay(wanted.startedAt) : this.now;
          const expiresAt = wanted.expiresAt
            ? endOfSaoPauloDay(startOfSaoPauloDay(wanted.expiresAt))
            : firstExpiry(startedAt, wanted.plan ?? "MENSAL");
          if (expiresAt.getTime() < startedAt.getTime()) {
            rowIssues.push({ line: row.line, field: "expiresAt", key: "importExpiryBeforeStart" });
          }
          if (rowIssues.length === 0) {
            subscriptionAction = "create";
            plan.newSubscriptions.push({
              line: row.line,
              document: customer.document,
              serialNumber: wanted.serialNumber,
              product: product!,
              plan: wanted.plan!,
              startedAt,
              expiresAt,
            });
          }
        } else if (current.manufacturer_id !== this.manufacturerId) {
          // Serial numbers are unique across the portal; another manufacturer's is "taken", nothing more.
          rowIssues.push({ line: row.line, field: "serialNumber", key: "importSerialTaken" });
        } else if (current.customer_id !== existing?.id) {
          rowIssues.push({ line: row.line, field: "serialNumber", key: "importSerialOtherCustomer" });
        } else {
          const next = {
            product: product ?? current.product,
            plan: wanted.plan ?? current.plan,
            startedAt:
              wanted.startedAt && wanted.startedAt !== saoPauloDay(current.started_at)
                ? startOfSaoPauloDay(wanted.startedAt)
                : current.started_at,
            expiresAt: current.expires_at,
          };
          let renewedTo: StoredStatus | null = null;
          const currentDay = saoPauloDay(current.expires_at);
          if (wanted.expiresAt && wanted.expiresAt < currentDay) {
            rowIssues.push({ line: row.line, field: "expiresAt", key: "importExpiryBackwards", values: { date: currentDay.split("-").reverse().join("/") } });
          } else if (wanted.expiresAt && wanted.expiresAt > currentDay) {
            const outcome = renewalOutcome(current.status);
            if (!outcome.allowed) rowIssues.push({ line: row.line, field: "expiresAt", key: "importCancelledRenewal" });
            else {
              renewedTo = outcome.to;
              next.expiresAt = endOfSaoPauloDay(startOfSaoPauloDay(wanted.expiresAt));
            }
          }
          const described =
            next.product !== current.product || next.plan !== current.plan || next.startedAt !== current.started_at;
          if (rowIssues.length === 0 && (described || renewedTo)) {
            subscriptionAction = renewedTo ? "renew" : "update";
            plan.changes.push({ subscription: current, ...next, renewedTo });
          }
        }
      }

      if (rowIssues.length) {
        issues.push(...rowIssues);
        counts.invalid++;
        continue;
      }
      if (!seen) this.seenDocuments.set(customer.document, { signature, line: row.line });
      if (wanted) this.seenSerials.set(wanted.serialNumber, row.line);
      if (customerAction === "create") {
        plan.creates.set(customer.document, customer);
        counts.customersCreated++;
      } else if (customerAction === "update") {
        plan.updates.set(customer.document, merged!);
        counts.customersUpdated++;
      }
      if (subscriptionAction === "create") counts.subscriptionsCreated++;
      else if (subscriptionAction === "update") counts.subscriptionsUpdated++;
      else if (subscriptionAction === "renew") counts.subscriptionsRenewed++;
      if (!customerAction && !subscriptionAction) counts.unchanged++;
    }

    if (this.apply) await this.write(tx, plan, customers);
    for (const key of Object.keys(counts) as (keyof ImportCounts)[]) this.counts[key] += counts[key];
    return { issues, counts };
  }

  /** The batch's writes; any failure rolls the whole batch back (the caller's transaction). */
  private async write(tx: SqlClient, plan: Plan1, customers: Map<string, CustomerRow>) {
    const ids = new Map([...customers.values()].map((customer) => [customer.document, customer.id]));
    if (plan.creates.size) {
      const rows = [...plan.creates.values()];
      const created = await tx.query<{ id: string; document: string }>(
        `INSERT INTO customers (manufacturer_id, document, name, type, city, state, email)
         SELECT $1, c.document, c.name, c.type::"CustomerType", c.city, c.state, c.email
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
             AS c(document, name, type, city, state, email)
         RETURNING id, document`,
        [
          this.manufacturerId,
          rows.map((row) => row.document),
          rows.map((row) => row.name),
          rows.map((row) => row.type),
          rows.map((row) => row.city),
          rows.map((row) => row.state),
          rows.map((row) => row.email),
        ],
      );
      for (const row of created) ids.set(row.document, row.id);
    }
    if (plan.updates.size) {
      const rows = [...plan.updates.values()];
      await tx.query(
        `UPDATE customers c SET name = u.name, type = u.type::"CustomerType", city = u.city, state = u.state, email = u.email
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(id, name, type, city, state, email)
          WHERE c.id = u.id`,
        [
          rows.map((row) => row.id),
          rows.map((row) => row.name),
          rows.map((row) => row.type),
          rows.map((row) => row.city),
          rows.map((row) => row.state),
          rows.map((row) => row.email),
        ],
      );
    }
    const events: SubscriptionEventInput[] = [];
    if (plan.newSubscriptions.length) {
      const rows = plan.newSubscriptions;
      const created = await tx.query<{ id: string; serial_number: string; expires_at: Date }>(
        `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status, billing_state)
         SELECT s.serial_number, $1, s.customer_id, s.product, s.plan::"Plan", s.started_at, s.expires_at, 'ATIVA', 'ATIVA'
           FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
             WITH ORDINALITY AS s(serial_number, customer_id, product, plan, started_at, expires_at, n)
          ORDER BY s.n
         ON CONFLICT (serial_number) DO NOTHING
         RETURNING id, serial_number, expires_at`,
        [
          this.manufacturerId,
          rows.map((row) => row.serialNumber),
          rows.map((row) => ids.get(row.document)),
          rows.map((row) => row.product),
          rows.map((row) => row.plan),
          rows.map((row) => row.startedAt),
          rows.map((row) => row.expiresAt),
        ],
      );
      // A serial written by someone else since this batch read: the batch is refused as a whole.
      if (created.length !== rows.length) throw new ImportBatchConflict();
      for (const row of created) {
        events.push({ subscriptionId: row.id, actor: this.actor, type: "CREATED", toStatus: "ATIVA", expiresTo: row.expires_at });
      }
    }
    if (plan.changes.length) {
      const rows = plan.changes;
      await tx.query(
        `UPDATE subscriptions s
            SET product = u.product, plan = u.plan::"Plan", started_at = u.started_at, expires_at = u.expires_at,
                status = COALESCE(u.status::"SubscriptionStatus", s.status),
                billing_state = CASE WHEN s.status = 'PENDENTE' AND u.status = 'ATIVA' THEN 'ATIVA'::"BillingState" ELSE s.billing_state END,
                updated_at = clock_timestamp()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[])
             AS u(id, product, plan, started_at, expires_at, status)
          WHERE s.id = u.id`,
        [
          rows.map((row) => row.subscription.id),
          rows.map((row) => row.product),
          rows.map((row) => row.plan),
          rows.map((row) => row.startedAt),
          rows.map((row) => row.expiresAt),
          rows.map((row) => row.renewedTo),
        ],
      );
      for (const row of rows) {
        if (!row.renewedTo) continue;
        events.push({
          subscriptionId: row.subscription.id,
          actor: this.actor,
          type: "RENEWED",
          fromStatus: row.subscription.status,
          toStatus: row.renewedTo,
          expiresFrom: row.subscription.expires_at,
          expiresTo: row.expiresAt,
        });
      }
    }
    await insertSubscriptionEvents(tx, events);
  }
}

export class ImportBatchConflict extends Error {
  constructor() {
    super("a serial number of the batch was written meanwhile");
  }
}
