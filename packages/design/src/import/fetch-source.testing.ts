// fetchDesignSource for tests against a loopback server: it lets through the exact addresses listed, nothing else.
import { addressRefusal } from "./address-policy";
import { type FetchSourceOptions, fetchWithAddressCheck } from "./fetch-source";

/** Not part of the package surface: the index never exports it, and it takes literal addresses, not ranges. */
export function fetchDesignSourceAllowing(
  addresses: readonly string[],
  url: string,
  options: FetchSourceOptions = {},
) {
  return fetchWithAddressCheck(url, options, (address) =>
    addresses.includes(address) ? undefined : addressRefusal(address),
  );
}
