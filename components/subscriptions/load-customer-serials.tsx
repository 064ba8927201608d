"use server";

import { z } from "zod";
import { CustomerSerials } from "@/components/subscriptions/customer-serials";
import { defineAction } from "@/lib/actions/define-action";
import { requirePermission } from "@/lib/auth/require-permission";
import { searchParamsToObject } from "@/lib/http/define-route";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";

/** Opening a customer's "aba" in the list: its serial rows, rendered on the server. */
export const loadCustomerSerials = defineAction({
  name: "loadCustomerSerials",
  input: z.object({
    customerId: z.uuid({ error: "invalidUuid" }),
    name: z.string().max(200).default(""),
    document: z.string().max(14).default(""),
    serialCount: z.coerce.number().int().min(0).max(100_000_000).default(0),
    filters: z.string().max(4000).default(""),
  }),
  permission: "signed-in",
  async handler({ filters, ...customer }, context) {
    // The rows come from a query scoped to the current account: another account's customer id
    // simply has no rows here.
    requirePermission(context, context.account?.kind === "FABRICANTE" ? "subscriptions.view" : "own-subscriptions.view");
    const parsed = parseSubscriptionFilters(searchParamsToObject(new URLSearchParams(filters))).filters;
    return <CustomerSerials context={context} filters={parsed} customer={{ ...customer, id: customer.customerId }} />;
  },
});
