import { getTranslations } from "next-intl/server";
import { MIN_SEARCH_LENGTH, type FilterProblem } from "@/lib/validation/subscription-filters";
import type { HistoryFilterProblem } from "@/lib/validation/history-filters";

/**
 * Says which URL filters were ignored and why, instead of failing the page: the subscription
 * list's (default) or Histórico da conta's, each with its own field names.
 */
export async function FilterProblems({
  problems,
  namespace = "subscriptions.filters",
}: {
  problems: (FilterProblem | HistoryFilterProblem)[];
  namespace?: "subscriptions.filters" | "history.filters";
}) {
  // Both namespaces hold ignoredHeading, fieldNames.<field> and problems.<problem>.
  const t = (await getTranslations(namespace as "subscriptions.filters")) as unknown as (
    key: string,
    values?: Record<string, number>,
  ) => string;
  if (!problems.length) return null;
  const unique = problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">{t("ignoredHeading")}</p>
      <ul className="mt-1 list-inside list-disc">
        {unique.map((problem) => (
          <li key={problem.field}>
            {t(`fieldNames.${problem.field}`)}:{" "}
            {t(`problems.${problem.problem}`, { min: MIN_SEARCH_LENGTH, max: problem.max ?? 0 })}
          </li>
        ))}
      </ul>
    </div>
  );
}
