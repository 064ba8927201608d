"use server";

// Novo cliente, Nova assinatura and Registrar renovação: thin actions over the shared lib/data
// functions (the CSV import and the integration API use the same ones).
import { defineAction } from "@/lib/actions/define-action";
import { revalidateSubscriptionPages } from "@/lib/actions/revalidate-subscriptions";
import { actorOf } from "@/lib/auth/actor";
import { createCustomer } from "@/lib/data/customers";
import { renewSubscription } from "@/lib/data/subscription-renewal";
import { createSubscription } from "@/lib/data/subscription-sales";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { customerInputSchema } from "@/lib/validation/customer";
import { renewalInputSchema, subscriptionInputSchema } from "@/lib/validation/subscription";

export const createCustomerAction = defineAction({
  name: "createCustomer",
  input: customerInputSchema,
  permission: "customers.create",
  async handler(input, context) {
    const customer = await createCustomer(scopeForAccount(context.account), input, actorOf(context));
    return { id: customer.id, name: customer.name };
  },
});

export const createSubscriptionAction = defineAction({
  name: "createSubscription",
  input: subscriptionInputSchema,
  permission: "subscriptions.create",
  async handler(input, context) {
    const created = await createSubscription(scopeForAccount(context.account), input, actorOf(context));
    revalidateSubscriptionPages();
    return { serialNumber: created.serialNumber, expiresAt: created.expiresAt.toISOString() };
  },
});

export const renewSubscriptionAction = defineAction({
  name: "renewSubscription",
  input: renewalInputSchema,
  permission: "subscriptions.renew",
  async handler({ serialNumber, periods }, context) {
    const result = await renewSubscription(scopeForAccount(context.account), serialNumber, periods, actorOf(context));
    revalidateSubscriptionPages();
    return { serialNumber: result.serialNumber, to: result.to, expiresTo: result.expiresTo.toISOString() };
  },
});
