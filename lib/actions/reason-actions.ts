"use server";

// Configurações → Motivos. Each action: session → account → zod → "account.settings" (the
// Fabricante profile, as the other usage rules) → data function, which writes the account event.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createReason, setReasonActive, updateReason } from "@/lib/data/reason-catalog";
import { reasonActiveSchema, reasonCreateSchema, reasonUpdateSchema } from "@/lib/validation/reason";

const PAGE = "/fabricante/configuracoes/motivos";

export const createReasonAction = defineAction({
  name: "createReason",
  input: reasonCreateSchema,
  permission: "account.settings",
  async handler(input, context) {
    const created = await createReason(context.account.id, { kind: "USER", userId: context.user.id }, input);
    revalidatePath(PAGE);
    return created;
  },
});

export const updateReasonAction = defineAction({
  name: "updateReason",
  input: reasonUpdateSchema,
  permission: "account.settings",
  async handler({ id, ...input }, context) {
    await updateReason(context.account.id, { kind: "USER", userId: context.user.id }, id, input);
    revalidatePath(PAGE);
    return { id };
  },
});

export const setReasonActiveAction = defineAction({
  name: "setReasonActive",
  input: reasonActiveSchema,
  permission: "account.settings",
  async handler({ id, active }, context) {
    await setReasonActive(context.account.id, { kind: "USER", userId: context.user.id }, id, active);
    revalidatePath(PAGE);
    return { id, active };
  },
});
