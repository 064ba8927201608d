// Collects bound parameters while an SQL text is assembled: `p.add(value)` returns "$n".
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
