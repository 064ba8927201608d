"use client";

// The visible "(obrigatório)" after a required field's label; the field itself carries
// aria-required (or required) for assistive technology.
// Usage: <label htmlFor="x">Motivo <RequiredMark /></label>
import { useTranslations } from "next-intl";

export function RequiredMark() {
  const t = useTranslations("common.ui");
  return <span className="text-xs font-normal text-red-800">({t("required")})</span>;
}
