/** A model file is fetched in byte ranges, each stored on its own, so a download resumes by range. */
export interface Part {
  index: number;
  start: number;
  /** Inclusive, as in an HTTP Range header. */
  end: number;
}

const MIN_PART = 64 * 1024;
const MAX_PART = 16 * 1024 * 1024;

/** About 64 parts per file (fine-grained progress and resume), between 64 KB and 16 MB each. */
export const partSizeFor = (totalBytes: number): number => Math.min(MAX_PART, Math.max(MIN_PART, Math.ceil(totalBytes / 64)));

export const planParts = (totalBytes: number, partSize = partSizeFor(totalBytes)): Part[] => {
  const parts: Part[] = [];
  for (let start = 0, index = 0; start < totalBytes; start += partSize, index++) {
    parts.push({ index, start, end: Math.min(totalBytes, start + partSize) - 1 });
  }
  return parts;
};

/** The total size from a response to `Range: bytes=0-0` (Content-Range) or a plain GET (Content-Length). */
export const totalFromHeaders = (contentRange: string | null, contentLength: string | null): number | null => {
  const ranged = contentRange ? /\/(\d+)\s*$/.exec(contentRange) : null;
  if (ranged) return Number(ranged[1]);
  return contentLength && /^\d+$/.test(contentLength) ? Number(contentLength) : null;
};

const MB = 1024 * 1024;
export const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** "about 3 min left", from the recent speed; nothing until there is a speed to go on. */
export const timeLeft = (remainingBytes: number, bytesPerSecond: number): string => {
  if (!(bytesPerSecond > 0)) return '';
  const seconds = Math.ceil(remainingBytes / bytesPerSecond);
  if (seconds < 60) return `about ${seconds} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
};

/**
 * Whether `neededBytes` more fit in this origin's storage, as a sentence that says what to do when
 * they do not (null when they fit). Chrome's quota is a share of free disk, so this is checked
 * before a download starts, not discovered halfway.
 */
export const quotaShortfall = (neededBytes: number, estimate: { quota?: number; usage?: number }): string | null => {
  if (estimate.quota === undefined) return null;
  const free = estimate.quota - (estimate.usage ?? 0);
  if (neededBytes <= free) return null;
  return `This model needs ${megabytes(neededBytes)} of storage, but only ${megabytes(Math.max(0, free))} is available to Doppel. Free disk space or delete another model, then try again.`;
};
