import { getTranslations } from "next-intl/server";
import type { TeamChange } from "@/lib/data/team";
import type { Profile } from "@/lib/domain/permissions";
import { formatDateTime } from "@/lib/format";

const KNOWN = [
  "member.added",
  "member.profiles_changed",
  "member.removed",
  "invitation.created",
  "invitation.renewed",
  "invitation.revoked",
  "invitation.accepted",
  "password.changed",
  "password.reset",
] as const;

function profilesOf(value: unknown): Profile[] | null {
  const profiles = (value as { profiles?: unknown } | null)?.profiles;
  return Array.isArray(profiles) ? (profiles as Profile[]) : null;
}

/** A member's (or invitation's) recent changes from the account events, newest first. */
export async function MemberChanges({ name, changes }: { name: string; changes: TeamChange[] }) {
  const t = await getTranslations("team.changes");
  const tp = await getTranslations("common.profile");
  const list = (profiles: Profile[] | null) => (profiles ? profiles.map((profile) => tp(profile)).join(", ") : null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700" aria-label={t("summaryLabel", { name })}>
        {t("summary")}
      </summary>
      {changes.length === 0 ? (
        <p className="mt-1 text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {changes.map((change) => {
            const type = (KNOWN as readonly string[]).includes(change.type) ? change.type.replace(".", "_") : "other";
            const before = list(profilesOf(change.before));
            const after = list(profilesOf(change.after));
            return (
              <li key={change.id} className="text-slate-700">
                <span className="whitespace-nowrap text-slate-600">{formatDateTime(change.createdAt)}</span> ·{" "}
                {t(`type.${type as "other"}`)}
                {(before || after) && <span> ({[before, after].filter(Boolean).join(" → ")})</span>}{" "}
                <span className="text-slate-600">{t("by", { actor: change.actorName ?? t("system") })}</span>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
