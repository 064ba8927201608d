"use server";

import { defineAction } from "@/lib/actions/define-action";
import { revalidateSubscriptionPages } from "@/lib/actions/revalidate-subscriptions";
import { actorOf } from "@/lib/auth/actor";
import { bulkTransition, serialsMatching } from "@/lib/data/subscription-bulk";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { transitionSubscription } from "@/lib/data/subscription-transitions";
import { ACTION_PERMISSION } from "@/lib/domain/permissions";
import { localizeAppError } from "@/lib/errors-localized";
import { searchParamsToObject } from "@/lib/http/define-route";
import {
  bulkInputSchema,
  cancelInputSchema,
  releaseInputSchema,
  suspendInputSchema,
} from "@/lib/validation/subscription-actions";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";

export const suspendSubscription = defineAction({
  name: "suspendSubscription",
  input: suspendInputSchema,
  permission: "subscriptions.suspend",
  async handler({ serialNumber, ...input }, context) {
    const result = await transitionSubscription(context.account.id, serialNumber, "SUSPEND", input, actorOf(context));
    revalidateSubscriptionPages();
    return result;
  },
});

export const cancelSubscription = defineAction({
  name: "cancelSubscription",
  input: cancelInputSchema,
  permission: "subscriptions.cancel",
  async handler({ serialNumber, ...input }, context) {
    const result = await transitionSubscription(context.account.id, serialNumber, "CANCEL", input, actorOf(context));
    revalidateSubscriptionPages();
    return result;
  },
});

export const releaseSubscription = defineAction({
  name: "releaseSubscription",
  input: releaseInputSchema,
  permission: "subscriptions.release",
  async handler({ serialNumber }, context) {
    const result = await transitionSubscription(context.account.id, serialNumber, "RELEASE", {}, actorOf(context));
    revalidateSubscriptionPages();
    return result;
  },
});

export type BulkResultRow = { serialNumber: string; ok: boolean; message?: string };

export const bulkSubscriptionAction = defineAction({
  name: "bulkSubscriptionAction",
  input: bulkInputSchema,
  permission: (input) => ACTION_PERMISSION[input.action],
  async handler({ action, serials, all, filters, ...input }, context): Promise<BulkResultRow[]> {
    const targets =
      all === "1"
        ? await serialsMatching(
            scopeForAccount(context.account),
            parseSubscriptionFilters(searchParamsToObject(new URLSearchParams(filters ?? ""))).filters,
          )
        : serials;
    const outcomes = await bulkTransition(
      context.account.id,
      targets,
      action,
      { ...input, reasonId: input.reasonId || undefined },
      actorOf(context),
    );
    revalidateSubscriptionPages();
    return Promise.all(
      outcomes.map(async (outcome) =>
        outcome.ok
          ? { serialNumber: outcome.serialNumber, ok: true }
          : { serialNumber: outcome.serialNumber, ok: false, message: (await localizeAppError(outcome.error)).message },
      ),
    );
  },
});
