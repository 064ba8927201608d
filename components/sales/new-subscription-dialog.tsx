"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionDialog } from "@/components/team/action-dialog";
import { ROW_BUTTON } from "@/components/team/button-styles";
import { createSubscriptionAction } from "@/lib/actions/sales-actions";
import { SubscriptionCreated } from "./subscription-created";
import { SubscriptionFields } from "./subscription-fields";

/** Nova assinatura for one customer of the list: product, plan, start. */
export function NewSubscriptionDialog({ customer, products }: { customer: { id: string; name: string }; products: string[] }) {
  const t = useTranslations("subscriptions.newSubscription");
  const id = useId();
  return (
    <ActionDialog
      trigger={{ label: t("button"), ariaLabel: t("buttonFor", { customer: customer.name }), className: ROW_BUTTON }}
      title={t("title", { customer: customer.name })}
      action={createSubscriptionAction}
      hidden={{ customerId: customer.id }}
      fields={(errors) => <SubscriptionFields idPrefix={id} products={products} errors={errors} />}
      submit={{ label: t("submit"), pendingLabel: t("pending") }}
      success={(data) => <SubscriptionCreated {...data} />}
    />
  );
}
