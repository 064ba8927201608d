import { getTranslations } from "next-intl/server";
import type { TeamChange, TeamRow } from "@/lib/data/team";
import { formatDate, formatDateTime } from "@/lib/format";
import { MemberChanges } from "./member-changes";
import { InvitationRowActions, MemberRowActions } from "./member-row-actions";

/**
 * The account's members and invitations. On a phone each row becomes a card: the header row is
 * hidden and every cell carries its own label.
 */
export async function TeamTable({
  rows,
  changes,
  currentUserId,
  canEdit,
}: {
  rows: TeamRow[];
  changes: Map<string, TeamChange[]>;
  currentUserId: string;
  canEdit: boolean;
}) {
  const t = await getTranslations("team");
  const tp = await getTranslations("common.profile");
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const td = "block px-3 py-1 text-sm md:table-cell md:py-2 md:align-top";
  const label = "mr-1 font-semibold text-slate-600 md:hidden";
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="hidden bg-slate-50 md:table-header-group">
        <tr>
          {(
            [
              "name",
              "email",
              "profiles",
              "defaultAccount",
              "lastLogin",
              "status",
              ...(canEdit ? (["actions"] as const) : []),
            ] as const
          ).map((key) => (
            <th key={key} scope="col" className={th}>
              {t(`columns.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="bg-white">
        {rows.map((row) => {
          const isMember = row.kind === "member";
          const name = isMember ? row.name : row.email;
          const status = isMember ? "ACTIVE" : row.expired ? "EXPIRED" : "PENDING";
          return (
            <tr key={row.id} className="block border-b border-slate-200 py-2 md:table-row md:py-0">
              <td className={`${td} font-medium`}>
                {isMember ? (
                  <>
                    {row.name}
                    {row.id === currentUserId && <span className="ml-1 text-slate-600">({t("you")})</span>}
                  </>
                ) : (
                  <span className="text-slate-600">{t("invitedAs")}</span>
                )}
              </td>
              <td className={`${td} break-all`}>
                <span className={label}>{t("columns.email")}:</span>
                {row.email}
              </td>
              <td className={td}>
                <span className={label}>{t("columns.profiles")}:</span>
                {row.profiles.map((profile) => tp(profile)).join(", ")}
              </td>
              <td className={td}>
                <span className={label}>{t("columns.defaultAccount")}:</span>
                {isMember && row.isDefault ? t("yes") : t("no")}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <span className={label}>{t("columns.lastLogin")}:</span>
                {isMember && row.lastLoginAt ? formatDateTime(row.lastLoginAt) : t("never")}
              </td>
              <td className={td}>
                <span className={label}>{t("columns.status")}:</span>
                <span
                  className={status === "ACTIVE" ? "text-green-800" : status === "EXPIRED" ? "text-red-800" : "text-amber-800"}
                >
                  {t(`status.${status}`)}
                </span>
                {!isMember && (
                  <span className="block text-xs text-slate-600">{t("expiresOn", { date: formatDate(row.expiresAt) })}</span>
                )}
                <MemberChanges name={name} changes={changes.get(row.id) ?? []} />
              </td>
              {canEdit && (
                <td className={td}>
                  {isMember ? (
                    row.id !== currentUserId && (
                      <MemberRowActions member={{ id: row.id, name: row.name, profiles: row.profiles }} />
                    )
                  ) : (
                    <InvitationRowActions invitation={{ id: row.id, email: row.email }} />
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
