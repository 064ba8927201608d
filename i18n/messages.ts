// The message catalogs, one JSON file per namespace and locale (messages/<locale>/<namespace>.json).
import enAuth from "@/messages/en/auth.json";
import enCommon from "@/messages/en/common.json";
import enErrors from "@/messages/en/errors.json";
import enHome from "@/messages/en/home.json";
import enValidation from "@/messages/en/validation.json";
import ptAuth from "@/messages/pt-BR/auth.json";
import ptCommon from "@/messages/pt-BR/common.json";
import ptErrors from "@/messages/pt-BR/errors.json";
import ptHome from "@/messages/pt-BR/home.json";
import ptValidation from "@/messages/pt-BR/validation.json";
import type { Locale } from "./config";

export const MESSAGES = {
  "pt-BR": { common: ptCommon, auth: ptAuth, errors: ptErrors, home: ptHome, validation: ptValidation },
  en: { common: enCommon, auth: enAuth, errors: enErrors, home: enHome, validation: enValidation },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["pt-BR"];
