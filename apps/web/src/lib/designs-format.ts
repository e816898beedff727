// How the design pages write dates, page ranges and changed values, the same on the server and in the browser.

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${dateTime.format(date)} UTC`;
}

/** "21–40 of 57", for a zero-based page. */
export function pageRange(page: number, pageSize: number, total: number): string {
  if (total === 0) return "0 of 0";
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return `${first}–${last} of ${total}`;
}

export function pageCount(pageSize: number, total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page number from the query: a non-negative integer, else the first page. */
export function pageParam(value: string | undefined): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : 0;
}

/** A diff's before or after value as one short line: strings as they are, the rest as compact JSON. */
export function formatChangedValue(value: unknown, maxLength = 160): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A design's page path; ids come from the URL, so they are encoded before going back into one. */
export function designPath(id: string, rest = ""): string {
  return `/designs/${encodeURIComponent(id)}${rest}`;
}

/** Stable React keys for a list of texts that may repeat: the text and which occurrence of it this is. */
export function keyedTexts(texts: string[]): { key: string; text: string }[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const occurrence = (seen.get(text) ?? 0) + 1;
    seen.set(text, occurrence);
    return { key: `${occurrence}:${text}`, text };
  });
}
