import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InviteDialog } from "@/components/team/invite-dialog";
import { TeamFilters } from "@/components/team/team-filters";
import { TeamTable } from "@/components/team/team-table";
import { getCurrentContext } from "@/lib/auth/context";
import { hasPermission } from "@/lib/auth/require-permission";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listTeam, listTeamChanges } from "@/lib/data/team";
import { parseTeamFilters, type TeamFilters as Filters } from "@/lib/validation/team";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("team");
  return { title: t("title") };
}

function pageHref(filters: Filters, pagina: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.perfil) params.set("perfil", filters.perfil);
  if (pagina > 1) params.set("pagina", String(pagina));
  const query = params.toString();
  return `/equipe${query ? `?${query}` : ""}`;
}

/** Equipe: Responsável and Administrador of any account kind; everyone else gets 404. */
export default async function TeamPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await getCurrentContext();
  requirePagePermission(context, "team.view");
  const t = await getTranslations("team");
  const filters = parseTeamFilters(await searchParams);
  const { rows, total, pageCount } = await listTeam(context.account.id, filters);
  const changes = await listTeamChanges(
    context.account.id,
    rows.map((row) => row.id),
  );
  const canEdit = hasPermission(context, "team.edit-profiles");
  const page = Math.min(filters.pagina, pageCount);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-700">{t("intro", { account: context.account.name })}</p>
        </div>
        {hasPermission(context, "team.invite") && <InviteDialog />}
      </div>
      <TeamFilters filters={filters} />
      <p className="text-sm text-slate-700" role="status">
        {t("count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white">
          <TeamTable rows={rows} changes={changes} currentUserId={context.user.id} canEdit={canEdit} />
        </section>
      )}
      {pageCount > 1 && (
        <nav aria-label={t("pagination.label")} className="flex items-center justify-between gap-4">
          {page > 1 ? (
            <Link href={pageHref(filters, page - 1)} rel="prev" className={link}>
              {t("pagination.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">{t("pagination.page", { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link href={pageHref(filters, page + 1)} rel="next" className={link}>
              {t("pagination.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
