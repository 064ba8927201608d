"use server";

import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define-action";
import { deactivateMachineByManufacturer } from "@/lib/data/activations";
import { AppError } from "@/lib/errors";
import { deactivateMachineSchema } from "@/lib/validation/license-deactivation";

/**
 * Ativações tab → "Desativar computador": frees the serial for another computer. No revalidatePath:
 * the dialog shows the confirmation first and refreshes the page when the user closes it, since the
 * refreshed page no longer renders the dialog of a freed computer.
 */
export const deactivateMachine = defineAction({
  name: "deactivateMachine",
  input: deactivateMachineSchema,
  permission: "activations.deactivate",
  async handler({ serialNumber, activationId, note }, context) {
    try {
      return await deactivateMachineByManufacturer({
        manufacturerId: context.account.id,
        userId: context.user.id,
        serialNumber,
        activationId,
        note,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") {
        throw new AppError("CONFLICT", (await getTranslations("activations.deactivate"))("alreadyFree"));
      }
      throw error;
    }
  },
});
