// An uploaded file is first written to a temporary file as it arrives (never held in memory), with
// a size limit: the import then reads it at its own pace, however long the database work takes,
// without keeping the upload's connection waiting on it.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";

/** 100,000 rows of an export are about 25 MB. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export type SpooledFile = { path: string; bytes: number; remove(): Promise<void> };

export function fileTooLarge(): AppError {
  return AppError.withMessage("PAYLOAD_TOO_LARGE", "subscriptions.import.errors.tooLarge", { max: MAX_IMPORT_BYTES / 1024 / 1024 });
}

export async function spoolUpload(body: ReadableStream<Uint8Array> | null, maxBytes = MAX_IMPORT_BYTES): Promise<SpooledFile> {
  if (!body) throw AppError.withMessage("VALIDATION", "subscriptions.import.errors.empty");
  const dir = path.join(os.tmpdir(), "portal-import");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.csv`);
  const remove = () => rm(file, { force: true });
  let bytes = 0;
  let failure: AppError | null = null;
  // UTF-8 is checked as the bytes arrive, so a Latin-1 file is refused before anything is imported.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const encodingError = () => AppError.withMessage("VALIDATION", "subscriptions.import.errors.encoding");
  // After a refusal the rest of the body is read and dropped rather than cancelled: cancelling the
  // request's stream under Next makes its own writer fail later (an uncaught "stream is closed").
  // Past 4× the limit the client is not sending a file by mistake, and the connection is cut.
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes * 4) return callback(failure ?? fileTooLarge());
      if (failure) return callback();
      if (bytes > maxBytes) failure = fileTooLarge();
      else {
        try {
          decoder.decode(chunk, { stream: true });
          return callback(null, chunk);
        } catch {
          failure = encodingError();
        }
      }
      callback();
    },
    flush(callback) {
      try {
        if (!failure) decoder.decode();
      } catch {
        failure = encodingError();
      }
      callback();
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), limit, createWriteStream(file));
  } catch (error) {
    await remove();
    throw error instanceof AppError ? error : AppError.withMessage("VALIDATION", "subscriptions.import.errors.uploadFailed");
  }
  if (failure) {
    await remove();
    throw failure;
  }
  if (bytes === 0) {
    await remove();
    throw AppError.withMessage("VALIDATION", "subscriptions.import.errors.empty");
  }
  return { path: file, bytes, remove };
}
