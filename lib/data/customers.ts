// Novo cliente and editing a customer, for the portal, the CSV import and the integration API. The
// document is unique per manufacturer (a unique index); a duplicate is a field error, never a 500.
import { isUniqueViolation } from "@/lib/db/sql-errors";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";
import type { CustomerInput } from "@/lib/validation/customer";
import { recordAccountEvent, type AccountEventActor } from "./account-events";
import { inManufacturerTransaction, type WriteOptions } from "./manufacturer-scope";
import type { SubscriptionScope } from "./subscription-scope";

export type CustomerRecord = CustomerInput & { id: string; createdAt: Date };

const COLUMNS = `id, name, document, type, city, state, email, created_at AS "createdAt"`;

export const DOCUMENT_TAKEN = () => new AppError("CONFLICT", undefined, { document: ["documentTaken"] });

export function accountEventActor(actor: Actor): AccountEventActor {
  if (actor.kind === "USER") return { kind: "USER", userId: actor.userId };
  if (actor.kind === "API_KEY") return { kind: "API_KEY", label: actor.label };
  return { kind: "SYSTEM" };
}

export async function createCustomer(
  scope: SubscriptionScope,
  input: CustomerInput,
  actor: Actor,
  options: WriteOptions = {},
): Promise<CustomerRecord> {
  return inManufacturerTransaction(scope, options, async (tx, accountId) => {
    const [customer] = await tx.query<CustomerRecord>(
      `INSERT INTO customers (manufacturer_id, name, document, type, city, state, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (manufacturer_id, document) DO NOTHING
       RETURNING ${COLUMNS}`,
      [accountId, input.name, input.document, input.type, input.city, input.state, input.email],
    );
    if (!customer) throw DOCUMENT_TAKEN();
    await recordAccountEvent(tx, {
      accountId,
      actor: accountEventActor(actor),
      type: "customer.created",
      target: { type: "customer", id: customer.id, label: customer.name },
      after: input,
    });
    return customer;
  });
}

export async function updateCustomer(
  scope: SubscriptionScope,
  customerId: string,
  input: CustomerInput,
  actor: Actor,
  options: WriteOptions = {},
): Promise<CustomerRecord> {
  return inManufacturerTransaction(scope, options, async (tx, accountId) => {
    const [before] = await tx.query<CustomerRecord>(
      `SELECT ${COLUMNS} FROM customers WHERE id = $1 AND manufacturer_id = $2 FOR UPDATE`,
      [customerId, accountId],
    );
    // Another manufacturer's customer is "not found": its existence is never revealed.
    if (!before) throw new AppError("NOT_FOUND");
    if (input.document !== before.document) {
      const [taken] = await tx.query(`SELECT 1 FROM customers WHERE manufacturer_id = $1 AND document = $2`, [
        accountId,
        input.document,
      ]);
      if (taken) throw DOCUMENT_TAKEN();
    }
    const [customer] = await tx
      .query<CustomerRecord>(
        `UPDATE customers SET name = $3, document = $4, type = $5, city = $6, state = $7, email = $8
          WHERE id = $1 AND manufacturer_id = $2
          RETURNING ${COLUMNS}`,
        [customerId, accountId, input.name, input.document, input.type, input.city, input.state, input.email],
      )
      .catch((error: unknown) => {
        // The same document saved by someone else since the check above.
        throw isUniqueViolation(error) ? DOCUMENT_TAKEN() : error;
      });
    const changed = (Object.keys(input) as (keyof CustomerInput)[]).filter((key) => before[key] !== input[key]);
    if (changed.length > 0) {
      await recordAccountEvent(tx, {
        accountId,
        actor: accountEventActor(actor),
        type: "customer.updated",
        target: { type: "customer", id: customerId, label: customer!.name },
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, input[key]])),
      });
    }
    return customer!;
  });
}
