// decodeURIComponent that never throws on a malformed escape ("%E0%A4%A"): a bad URL must be a
// 404, not a 500.
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
