// assinaturas-<conta>-<aaaa-mm-dd>.csv (historico-… for Histórico da conta), and the Content-Disposition that names it in every browser.
import { isoDateInSaoPaulo } from "@/lib/format";

/** "Móveis Aurora Indústria" → "moveis-aurora-industria". */
export function accountSlug(name: string, fallback: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || fallback;
}

export function exportFileName(accountName: string, now: Date, fallback: string, prefix = "assinaturas"): string {
  return `${prefix}-${accountSlug(accountName, fallback)}-${isoDateInSaoPaulo(now)}.csv`;
}

export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
