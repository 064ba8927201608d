"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { updateAccountSettings } from "@/lib/data/account-settings";
import { accountSettingsSchema } from "@/lib/validation/account-settings";

/** Fabricante → Configurações: tolerance days and swap limit of the current manufacturer account. */
export const saveAccountSettings = defineAction({
  name: "saveAccountSettings",
  input: accountSettingsSchema,
  permission: "account.settings",
  async handler(settings, context) {
    const saved = await updateAccountSettings(context.account.id, settings);
    // The tolerance days change every serial's status shown anywhere in the account.
    revalidatePath("/", "layout");
    return saved;
  },
});
