"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { PLANS } from "@/lib/domain/renewal";
import type { FieldErrors } from "@/lib/errors";

/** Product, plan and start of Nova assinatura; the serial number is the portal's to generate. */
export function SubscriptionFields({ idPrefix, products, errors }: { idPrefix: string; products: string[]; errors?: FieldErrors }) {
  const t = useTranslations("subscriptions.newSubscription");
  const tp = useTranslations("subscriptions.plan");
  return (
    <>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {products.length === 0 && <p className="text-sm text-amber-900">{t("noProducts")}</p>}
      <SelectField
        id={`${idPrefix}-product`}
        name="product"
        label={t("product")}
        placeholder={t("productPlaceholder")}
        options={products.map((product) => ({ value: product, label: product }))}
        error={errors?.product}
      />
      <SelectField
        id={`${idPrefix}-plan`}
        name="plan"
        label={t("plan")}
        defaultValue="MENSAL"
        options={PLANS.map((plan) => ({ value: plan, label: tp(plan) }))}
        error={errors?.plan}
      />
      <TextField
        id={`${idPrefix}-startedAt`}
        name="startedAt"
        type="date"
        label={t("startedAt")}
        hint={t("startedAtHint")}
        error={errors?.startedAt}
      />
      {/* The customer is fixed by the dialog; an error about it still needs a place to show. */}
      {errors?.customerId && <p className="text-sm text-red-700">{errors.customerId[0]}</p>}
    </>
  );
}
