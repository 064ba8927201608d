"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions/define-action";
import { getCurrentSession } from "@/lib/auth/context";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePassword, createPasswordReset, findPasswordHash, resetPassword } from "@/lib/data/passwords";
import { passwordResetThrottled } from "@/lib/data/password-reset-throttle";
import { revokeUserSessions } from "@/lib/data/user-sessions";
import { getSql } from "@/lib/db/connection";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { deliverMail } from "@/lib/mail/deliver";
import { passwordResetMail } from "@/lib/mail/templates";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/validation/password";
import { forgotPasswordSchema } from "@/lib/validation/team";
import { z } from "zod";

/** Minha conta → Alterar senha: the current password is required; the other sessions end. */
export const changeOwnPassword = defineAction({
  name: "changeOwnPassword",
  input: changePasswordSchema,
  permission: "signed-in",
  async handler({ currentPassword, password }, context) {
    const session = await getCurrentSession();
    const stored = await findPasswordHash(context.user.id);
    if (!session || !stored) throw new AppError("UNAUTHENTICATED");
    if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
      throw new AppError("VALIDATION", undefined, { currentPassword: ["currentPasswordWrong"] });
    }
    await changePassword({
      userId: context.user.id,
      passwordHash: await hashPassword(password),
      keepSessionId: session.sessionId,
    });
    return null;
  },
});

/** Minha conta → Sair de todos os dispositivos (this one included; the form then signs out here). */
export const signOutEverywhere = defineAction({
  name: "signOutEverywhere",
  input: z.object({}),
  permission: "signed-in",
  async handler(_input, context) {
    return { ended: await revokeUserSessions(await getSql(), context.user.id) };
  },
});

/** Esqueci minha senha: the same answer whether the e-mail exists or not. */
export const requestPasswordReset = defineAction({
  name: "requestPasswordReset",
  input: forgotPasswordSchema,
  permission: "public",
  async handler({ email }) {
    const ip = clientIp(await headers());
    if (await passwordResetThrottled(await getSql(), email, ip)) throw new AppError("RATE_LIMITED");
    const reset = await createPasswordReset(email);
    if (reset) {
      // Not awaited: how long the answer takes must not tell whether the e-mail exists.
      void deliverMail(
        passwordResetMail({ locale: await getLocale(), to: reset.user.email, name: reset.user.name, token: reset.token }),
      );
    }
    return null;
  },
});

export const resetForgottenPassword = defineAction({
  name: "resetForgottenPassword",
  input: resetPasswordSchema,
  permission: "public",
  async handler({ token, password }) {
    return resetPassword({ token, passwordHash: await hashPassword(password) });
  },
});
