// A request body read up to a limit, for the JSON APIs' Next route handlers: past the limit the
// stream is cancelled and the caller answers 413 without holding the rest in memory.
export async function readLimitedBody(request: Request, maxBytes: number): Promise<{ body: string; tooLarge: boolean }> {
  if (!request.body) return { body: "", tooLarge: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { body: "", tooLarge: true };
    }
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks).toString("utf8"), tooLarge: false };
}
