"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useRef } from "react";
import { keepValuesAndSubmit } from "@/components/actions/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { ActionDialog } from "@/components/team/action-dialog";
import { PRIMARY_BUTTON } from "@/components/team/button-styles";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { createSubscriptionAction, createCustomerAction } from "@/lib/actions/sales-actions";
import { BRAZILIAN_STATES, CUSTOMER_TYPES } from "@/lib/validation/customer";
import { SubscriptionCreated } from "./subscription-created";
import { SubscriptionFields } from "./subscription-fields";

/**
 * Novo cliente: the customer's data; once registered, the same dialog offers its first
 * subscription (a customer is listed once it has one).
 */
export function NewCustomerDialog({ products }: { products: string[] }) {
  const t = useTranslations("subscriptions.newCustomer");
  const ts = useTranslations("subscriptions.customerType");
  const id = useId();
  return (
    <ActionDialog
      trigger={{ label: t("button"), className: PRIMARY_BUTTON }}
      title={t("title")}
      action={createCustomerAction}
      fields={(errors) => (
        <>
          <p className="text-sm text-slate-700">{t("intro")}</p>
          <TextField id={`${id}-name`} name="name" label={t("name")} requiredMark maxLength={200} error={errors?.name} />
          <TextField
            id={`${id}-document`}
            name="document"
            label={t("document")}
            hint={t("documentHint")}
            requiredMark
            inputMode="numeric"
            maxLength={18}
            error={errors?.document}
          />
          <SelectField
            id={`${id}-type`}
            name="type"
            label={t("type")}
            placeholder={t("typePlaceholder")}
            options={CUSTOMER_TYPES.map((type) => ({ value: type, label: ts(type) }))}
            error={errors?.type}
          />
          <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
            <TextField id={`${id}-city`} name="city" label={t("city")} requiredMark maxLength={120} error={errors?.city} />
            <SelectField
              id={`${id}-state`}
              name="state"
              label={t("state")}
              placeholder={t("statePlaceholder")}
              options={BRAZILIAN_STATES.map((state) => ({ value: state, label: state }))}
              error={errors?.state}
            />
          </div>
          <TextField id={`${id}-email`} name="email" type="email" label={t("email")} requiredMark maxLength={254} error={errors?.email} />
        </>
      )}
      submit={{ label: t("submit"), pendingLabel: t("pending") }}
      success={(customer) => (
        <>
          <FormAlert kind="success">{t("done", { name: customer.name })}</FormAlert>
          <FirstSubscriptionForm customer={customer} products={products} />
        </>
      )}
    />
  );
}

/** Step two of Novo cliente: the new customer's first subscription, in the same dialog. */
function FirstSubscriptionForm({ customer, products }: { customer: { id: string; name: string }; products: string[] }) {
  const t = useTranslations("subscriptions.newSubscription");
  const tc = useTranslations("subscriptions.newCustomer");
  const id = useId();
  const [state, submit, pending] = useActionState(createSubscriptionAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  if (state?.ok) return <SubscriptionCreated {...state.data} />;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={formRef}
      onSubmit={(event) => keepValuesAndSubmit(event, submit)}
      noValidate
      aria-label={t("title", { customer: customer.name })}
      className="space-y-4 rounded-lg border border-slate-200 p-4"
    >
      <h3 className="font-semibold">{t("title", { customer: customer.name })}</h3>
      <p className="text-sm text-slate-700">{tc("nextStep", { name: customer.name })}</p>
      {state && !state.ok && !errors && <FormAlert kind="error">{state.error}</FormAlert>}
      <input type="hidden" name="customerId" value={customer.id} />
      <SubscriptionFields idPrefix={id} products={products} errors={errors} />
      <div className="flex justify-end">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? t("pending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
