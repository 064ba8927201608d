// Type-checks message keys and locales used with next-intl.
import type { Locale } from "./i18n/config";
import type { Messages } from "./i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
