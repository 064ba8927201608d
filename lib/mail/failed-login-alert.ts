// Tells a user that their account saw many failed logins (login-throttle.ts decides when: at most
// once an hour). Users have no stored language, so the message carries both, Portuguese first.
import { createTranslator } from "next-intl";
import { LOCALES, TIME_ZONE } from "@/i18n/config";
import { MESSAGES } from "@/i18n/messages";
import { sendMail } from "./mailer";

export async function sendFailedLoginAlert(user: { email: string; name: string }, failures: number): Promise<void> {
  const parts = LOCALES.map((locale) =>
    createTranslator({ locale, messages: MESSAGES[locale], namespace: "auth.failedLoginMail", timeZone: TIME_ZONE }),
  ).map((t) => ({ subject: t("subject"), body: t("body", { name: user.name, email: user.email, count: failures }) }));
  await sendMail({
    to: user.email,
    subject: parts.map((part) => part.subject).join(" / "),
    text: parts.map((part) => part.body).join("\n\n---\n\n"),
  });
}
