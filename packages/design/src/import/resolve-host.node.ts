// Host name resolution with Node's resolver (node:dns): the default resolveHost of fetchDesignSource on Node.
import { lookup } from "node:dns/promises";

/** Every address the name resolves to, both families, so one private answer among public ones is caught. */
export async function resolveHostWithNodeDns(hostname: string): Promise<string[]> {
  const records = await lookup(hostname, { all: true, verbatim: true });
  return records.map((record) => record.address);
}
