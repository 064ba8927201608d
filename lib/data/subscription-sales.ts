// Nova assinatura: a new serial for one of the manufacturer's customers, its first period paid, and
// its CREATED event in the same transaction. Used by the portal, the CSV import and the API.
import type { SqlClient } from "@/lib/db/sql-client";
import type { Actor } from "@/lib/domain/actor";
import { firstExpiry, startOfSaoPauloDay, type Plan } from "@/lib/domain/renewal";
import { generateSerialNumber } from "@/lib/domain/serial-generator";
import { AppError } from "@/lib/errors";
import type { SubscriptionInput } from "@/lib/validation/subscription";
import { inManufacturerTransaction, type WriteOptions } from "./manufacturer-scope";
import { insertSubscriptionEvent } from "./subscription-events";
import { manufacturerProducts } from "./subscription-products";
import type { SubscriptionScope } from "./subscription-scope";

export type CreatedSubscription = {
  id: string;
  serialNumber: string;
  customerId: string;
  product: string;
  plan: Plan;
  startedAt: Date;
  expiresAt: Date;
  status: "ATIVA";
};

type Options = WriteOptions & { now?: Date };

/**
 * The manufacturer's catalog is the products it sells (the list's product filter). A name typed
 * with other case or spacing is the catalog's product; anything else is unknown.
 */
export async function resolveProduct(tx: SqlClient, manufacturerId: string, product: string): Promise<string | null> {
  const products = await manufacturerProducts(tx, manufacturerId);
  const wanted = productKey(product);
  return products.find((name) => productKey(name) === wanted) ?? null;
}

export function productKey(product: string): string {
  return product.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("pt-BR");
}

export async function createSubscription(
  scope: SubscriptionScope,
  input: SubscriptionInput,
  actor: Actor,
  options: Options = {},
): Promise<CreatedSubscription> {
  const startedAt = input.startedAt ? startOfSaoPauloDay(input.startedAt) : (options.now ?? new Date());
  const expiresAt = firstExpiry(startedAt, input.plan);
  return inManufacturerTransaction(scope, options, async (tx, accountId) => {
    const [customer] = await tx.query<{ id: string }>(`SELECT id FROM customers WHERE id = $1 AND manufacturer_id = $2`, [
      input.customerId,
      accountId,
    ]);
    // Another manufacturer's customer is as unknown as one that doesn't exist.
    if (!customer) throw new AppError("VALIDATION", undefined, { customerId: ["customerUnknown"] });
    const product = await resolveProduct(tx, accountId, input.product);
    if (!product) throw new AppError("VALIDATION", undefined, { product: ["productUnknown"] });
    // 80 random bits: a collision is all but impossible, and the unique index settles it if it happens.
    for (let attempt = 0; attempt < 5; attempt++) {
      const serialNumber = generateSerialNumber();
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status, billing_state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'ATIVA', 'ATIVA')
         ON CONFLICT (serial_number) DO NOTHING
         RETURNING id`,
        [serialNumber, accountId, customer.id, product, input.plan, startedAt, expiresAt],
      );
      if (!row) continue;
      await insertSubscriptionEvent(tx, { subscriptionId: row.id, actor, type: "CREATED", toStatus: "ATIVA", expiresTo: expiresAt });
      return { id: row.id, serialNumber, customerId: customer.id, product, plan: input.plan, startedAt, expiresAt, status: "ATIVA" };
    }
    throw new Error("no free serial number after 5 attempts");
  });
}
