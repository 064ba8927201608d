// Whose subscriptions a query may see: a manufacturer sees the serials it sells, a lojista or
// profissional account the serials of the customers linked to it (across manufacturers). Every
// subscription query starts from one of these; nothing else decides tenancy.
import type { CurrentAccount } from "./accounts";

export type SubscriptionScope =
  { kind: "manufacturer"; accountId: string; graceDays: number } | { kind: "customer"; accountId: string };

export function scopeForAccount(account: CurrentAccount): SubscriptionScope {
  return account.kind === "FABRICANTE"
    ? { kind: "manufacturer", accountId: account.id, graceDays: account.graceDays }
    : { kind: "customer", accountId: account.id };
}
