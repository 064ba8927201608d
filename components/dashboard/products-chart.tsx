import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";

/** Serials with the Ativa badge per product. */
export async function ProductsChart({ products }: { products: { product: string; count: number }[] }) {
  const t = await getTranslations("home.products");
  const format = await getFormatter();
  return (
    <ChartFigure
      id="products"
      title={t("title")}
      summary={t("summary", { count: products.length, top: products[0]?.product ?? "" })}
    >
      {products.length > 0 && (
        <HorizontalBarChart
          items={products.map((item) => ({ key: item.product, label: item.product, value: item.count, color: "#115e59" }))}
          formatNumber={(value) => format.number(value)}
          caption={t("caption")}
          headers={[t("product"), t("count")]}
        />
      )}
    </ChartFigure>
  );
}
