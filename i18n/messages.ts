// The message catalogs, one JSON file per namespace and locale (messages/<locale>/<namespace>.json).
import enActivations from "@/messages/en/activations.json";
import enActions from "@/messages/en/actions.json";
import enAuth from "@/messages/en/auth.json";
import enCommon from "@/messages/en/common.json";
import enErrors from "@/messages/en/errors.json";
import enExport from "@/messages/en/export.json";
import enHistory from "@/messages/en/history.json";
import enHome from "@/messages/en/home.json";
import enMail from "@/messages/en/mail.json";
import enMyAccount from "@/messages/en/my-account.json";
import enSettings from "@/messages/en/settings.json";
import enTeam from "@/messages/en/team.json";
import enSubscriptions from "@/messages/en/subscriptions.json";
import enValidation from "@/messages/en/validation.json";
import enWebhooks from "@/messages/en/webhooks.json";
import ptActivations from "@/messages/pt-BR/activations.json";
import ptActions from "@/messages/pt-BR/actions.json";
import ptAuth from "@/messages/pt-BR/auth.json";
import ptCommon from "@/messages/pt-BR/common.json";
import ptErrors from "@/messages/pt-BR/errors.json";
import ptExport from "@/messages/pt-BR/export.json";
import ptHistory from "@/messages/pt-BR/history.json";
import ptHome from "@/messages/pt-BR/home.json";
import ptMail from "@/messages/pt-BR/mail.json";
import ptMyAccount from "@/messages/pt-BR/my-account.json";
import ptSettings from "@/messages/pt-BR/settings.json";
import ptTeam from "@/messages/pt-BR/team.json";
import ptSubscriptions from "@/messages/pt-BR/subscriptions.json";
import ptValidation from "@/messages/pt-BR/validation.json";
import ptWebhooks from "@/messages/pt-BR/webhooks.json";
import type { Locale } from "./config";

export const MESSAGES = {
  "pt-BR": {
    common: ptCommon,
    actions: ptActions,
    auth: ptAuth,
    errors: ptErrors,
    export: ptExport,
    home: ptHome,
    subscriptions: ptSubscriptions,
    validation: ptValidation,
    activations: ptActivations,
    settings: ptSettings,
    history: ptHistory,
    webhooks: ptWebhooks,
    mail: ptMail,
    team: ptTeam,
    myAccount: ptMyAccount,
  },
  en: {
    common: enCommon,
    actions: enActions,
    auth: enAuth,
    errors: enErrors,
    export: enExport,
    home: enHome,
    subscriptions: enSubscriptions,
    validation: enValidation,
    activations: enActivations,
    settings: enSettings,
    history: enHistory,
    webhooks: enWebhooks,
    mail: enMail,
    team: enTeam,
    myAccount: enMyAccount,
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["pt-BR"];
