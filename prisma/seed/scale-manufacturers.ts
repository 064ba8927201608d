// How the scale seed splits serials and customers among manufacturers: one large manufacturer
// (22%, like a market leader) and a long tail, every manufacturer with at least one customer.

export type ScaleManufacturer = {
  index: number;
  name: string;
  graceDays: number;
  /** Global serial numbers [firstSerial, lastSerial] belong to this manufacturer. */
  firstSerial: number;
  lastSerial: number;
  /** Its customers are the global customer numbers customerOffset + 1 … customerOffset + customers. */
  customerOffset: number;
  customers: number;
};

const LARGEST_SHARE = 0.22;
const TAIL_EXPONENT = 1.1;

const NAME_PREFIXES = ["Indústria de Móveis", "Móveis", "Cozinhas", "Planejados", "Marcenaria Industrial", "Fábrica de Móveis"];

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const lcm = (a: number, b: number) => (a * b) / gcd(a, b);

/** Splits `total` into integer parts proportional to `weights`, each at least `min`. */
export function apportion(total: number, weights: number[], min = 1): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => Math.max(min, (total * w) / sum));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]! += 1;
  // The minimums may overshoot: take the excess from the largest parts.
  while (left < 0) {
    const largest = parts.indexOf(Math.max(...parts));
    parts[largest]! -= 1;
    left++;
  }
  return parts;
}

export function planScaleManufacturers(
  subscriptions: number,
  customers: number,
  manufacturers: number,
  words: readonly string[],
): ScaleManufacturer[] {
  if (!(manufacturers >= 1 && customers >= manufacturers && subscriptions >= customers)) {
    throw new Error("A escala precisa de assinaturas ≥ clientes ≥ fabricantes ≥ 1.");
  }
  // A Zipf-like tail; the head gets LARGEST_SHARE of the total, or clearly more than the
  // second when there are only a few manufacturers.
  const weights = Array.from({ length: manufacturers }, (_, i) => (i + 1) ** -TAIL_EXPONENT);
  const tail = weights.slice(1).reduce((a, b) => a + b, 0);
  weights[0] = Math.max((LARGEST_SHARE / (1 - LARGEST_SHARE)) * tail, 1.5 * (weights[1] ?? 1));
  const serials = apportion(subscriptions, weights);
  const customerCounts = apportion(customers, serials).map((count, i) => Math.min(count, serials[i]!));

  let serialCursor = 0;
  let customerCursor = 0;
  return serials.map((count, i) => {
    const prefix = NAME_PREFIXES[i % NAME_PREFIXES.length]!;
    // Prefix and word cycle at different periods, so neighbours (the big ones) differ in both.
    const word = words[i % words.length]!;
    const round = Math.floor(i / lcm(NAME_PREFIXES.length, words.length));
    const manufacturer: ScaleManufacturer = {
      index: i + 1,
      name: `${prefix} ${word}${round ? ` ${round + 1}` : ""}`,
      graceDays: i % 11 === 5 ? 30 : i % 7 === 3 ? 10 : 15,
      firstSerial: serialCursor + 1,
      lastSerial: serialCursor + count,
      customerOffset: customerCursor,
      customers: customerCounts[i]!,
    };
    serialCursor += count;
    customerCursor += manufacturer.customers;
    return manufacturer;
  });
}
