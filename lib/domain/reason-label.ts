// A reason's label in the interface's language: the English one in English when the manufacturer
// wrote it, the Portuguese one otherwise (pt-BR is the portal's first language).

export type LocalizedReason = { label: string; labelEn: string | null };

export function reasonLabel(reason: LocalizedReason, locale: string | undefined): string;
export function reasonLabel(reason: LocalizedReason | null | undefined, locale: string | undefined): string | null;
export function reasonLabel(reason: LocalizedReason | null | undefined, locale: string | undefined): string | null {
  if (!reason) return null;
  return locale === "en" && reason.labelEn ? reason.labelEn : reason.label;
}
