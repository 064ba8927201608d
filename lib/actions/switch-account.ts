"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ACCOUNT_COOKIE, ACCOUNT_COOKIE_MAX_AGE } from "@/lib/auth/account-cookie";
import { assertMembership } from "@/lib/data/accounts";
import { switchAccountSchema } from "@/lib/validation/account";

export const switchAccount = defineAction({
  name: "switchAccount",
  input: switchAccountSchema,
  permission: "signed-in",
  async handler({ accountId }, context) {
    const account = await assertMembership(context.user.id, accountId);
    (await cookies()).set(ACCOUNT_COOKIE, account.id, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: ACCOUNT_COOKIE_MAX_AGE,
      secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    });
    revalidatePath("/", "layout");
    return { accountId: account.id, name: account.name };
  },
});
