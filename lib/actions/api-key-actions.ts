"use server";

// Configurações → Integrações → Chaves de API. Each action: session → account → zod →
// "integrations.manage" → data function, which writes the account event in the same transaction.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey, revokeApiKey } from "@/lib/data/api-keys";
import { apiKeyCreateSchema, apiKeyIdSchema } from "@/lib/validation/api-keys";

const PAGE = "/fabricante/configuracoes/integracoes";

export const createApiKeyAction = defineAction({
  name: "createApiKey",
  input: apiKeyCreateSchema,
  permission: "integrations.manage",
  async handler(input, context) {
    const created = await createApiKey(context.account.id, { userId: context.user.id }, input);
    revalidatePath(PAGE);
    // The key leaves the server this once; only its hash is kept.
    return { key: created.key, prefix: created.prefix };
  },
});

export const revokeApiKeyAction = defineAction({
  name: "revokeApiKey",
  input: apiKeyIdSchema,
  permission: "integrations.manage",
  async handler({ id }, context) {
    await revokeApiKey(context.account.id, { userId: context.user.id }, id);
    revalidatePath(PAGE);
    return { id };
  },
});
