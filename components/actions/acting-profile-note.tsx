import { getTranslations } from "next-intl/server";
import { hasPermission, type AuthorizedContext } from "@/lib/auth/require-permission";
import { ACTION_PERMISSION } from "@/lib/domain/permissions";
import { SUBSCRIPTION_ACTIONS } from "@/lib/domain/subscription-transitions";

/**
 * Says why there is no Ações menu and no bulk bar for an Administrador or a Convidado: only the
 * Fabricante profile acts on serials. Renders nothing for a user who may act.
 */
export async function ActingProfileNote({ context }: { context: AuthorizedContext }) {
  if (SUBSCRIPTION_ACTIONS.some((action) => hasPermission(context, ACTION_PERMISSION[action]))) return null;
  const t = await getTranslations("actions");
  const tc = await getTranslations("common.profile");
  const profiles = context.profiles.map((profile) => tc(profile)).join(", ");
  return (
    <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">
      {t("profileNote", { profiles })}
    </p>
  );
}
