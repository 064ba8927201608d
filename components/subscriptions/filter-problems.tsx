import { getTranslations } from "next-intl/server";
import { MIN_SEARCH_LENGTH, type FilterProblem } from "@/lib/validation/subscription-filters";

/** Says which URL filters were ignored and why, instead of failing the page. */
export async function FilterProblems({ problems }: { problems: FilterProblem[] }) {
  const t = await getTranslations("subscriptions.filters");
  if (!problems.length) return null;
  const unique = problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">{t("ignoredHeading")}</p>
      <ul className="mt-1 list-inside list-disc">
        {unique.map((problem) => (
          <li key={problem.field}>
            {t(`fieldNames.${problem.field as "cliente"}`)}:{" "}
            {t(`problems.${problem.problem}`, { min: MIN_SEARCH_LENGTH, max: problem.max ?? 0 })}
          </li>
        ))}
      </ul>
    </div>
  );
}
