export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Case-insensitive header lookup; repeated headers are joined as Node joins them. */
export function header(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}
