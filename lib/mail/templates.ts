// The portal's e-mails, written from the "mail" message catalog in the recipient's language: a
// plain-text part (always) and a simple HTML part with the same words and one link.
import { createTranslator } from "next-intl";
import { TIME_ZONE, type Locale } from "@/i18n/config";
import { MESSAGES } from "@/i18n/messages";
import { formatDate } from "@/lib/format";
import type { Profile } from "@/lib/domain/permissions";
import type { MailMessage } from "./mailer";

type Kind = "invitation" | "added" | "passwordReset";

function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The public address of a page of the portal, for links in e-mails. */
export function portalUrl(pathname: string, env: Record<string, string | undefined> = process.env): string {
  return new URL(pathname, env.NEXTAUTH_URL || "http://localhost:3000").toString();
}

function compose(
  locale: Locale,
  kind: Kind,
  to: string,
  link: string,
  values: Record<string, string>,
  name?: string,
): MailMessage {
  const t = translator(locale);
  const paragraphs = [
    name ? t("mail.greetingName", { name }) : t("mail.greeting"),
    t(`mail.${kind}.body`, values),
    t(`mail.${kind}.action`),
  ];
  const after = [kind === "added" ? null : t(`mail.${kind}.expires`, values), t("mail.ignore")].filter(
    (line): line is string => line !== null,
  );
  const text = [...paragraphs, link, ...after, "—", t("mail.signature")].join("\n\n");
  const html = [
    ...paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t(`mail.${kind}.button`))}</a></p>`,
    `<p style="color:#475569;font-size:13px">${escapeHtml(link)}</p>`,
    ...after.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p>— ${escapeHtml(t("mail.signature"))}</p>`,
  ].join("\n");
  return { to, subject: t(`mail.${kind}.subject`, values), text, html };
}

function profileNames(locale: Locale, profiles: readonly Profile[]): string {
  const t = translator(locale);
  return profiles.map((profile) => t(`common.profile.${profile}`)).join(", ");
}

export function invitationMail(input: {
  locale: Locale;
  to: string;
  account: string;
  inviter: string;
  profiles: readonly Profile[];
  token: string;
  expiresAt: Date;
}): MailMessage {
  const values = {
    account: input.account,
    inviter: input.inviter,
    profiles: profileNames(input.locale, input.profiles),
    date: formatDate(input.expiresAt),
  };
  return compose(input.locale, "invitation", input.to, portalUrl(`/convite/${input.token}`), values);
}

export function addedToAccountMail(input: {
  locale: Locale;
  to: string;
  name: string;
  account: string;
  inviter: string;
  profiles: readonly Profile[];
}): MailMessage {
  const values = { account: input.account, inviter: input.inviter, profiles: profileNames(input.locale, input.profiles) };
  return compose(input.locale, "added", input.to, portalUrl("/login"), values, input.name);
}

export function passwordResetMail(input: { locale: Locale; to: string; name: string; token: string }): MailMessage {
  return compose(input.locale, "passwordReset", input.to, portalUrl(`/redefinir-senha/${input.token}`), {}, input.name);
}
