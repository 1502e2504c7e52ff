const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid[] literal passed as ONE parameter; each id is checked so none can smuggle in a comma or brace. */
export function uuidList(ids: readonly string[]): string {
  for (const id of ids) if (!UUID_RE.test(id)) throw new RangeError(`not a uuid: ${JSON.stringify(id)}`);
  return `{${ids.join(",")}}`;
}
