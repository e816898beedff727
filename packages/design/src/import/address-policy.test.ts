import { describe, expect, it } from "vitest";
import { addressRefusal, isIpAddress } from "./address-policy";

describe("addressRefusal", () => {
  it("allows public unicast addresses of both families", () => {
    for (const address of [
      "93.184.216.34",
      "1.1.1.1",
      "8.8.8.8",
      "2606:4700:4700::1111",
      "2a00:1450:4001:80b::200e",
    ]) {
      expect(addressRefusal(address), address).toBeUndefined();
    }
  });

  it("refuses every IPv4 range that is not public, at both ends of each", () => {
    const refused: [string, RegExp][] = [
      ["0.0.0.0", /unspecified/],
      ["10.0.0.1", /private/],
      ["10.255.255.255", /private/],
      ["100.64.0.1", /carrier-grade NAT/],
      ["100.127.255.254", /carrier-grade NAT/],
      ["127.0.0.1", /loopback/],
      ["127.255.0.9", /loopback/],
      ["169.254.169.254", /link-local.*metadata/],
      ["172.16.0.1", /private/],
      ["172.31.255.255", /private/],
      ["192.168.1.10", /private/],
      ["224.0.0.251", /multicast/],
      ["239.255.255.250", /multicast/],
      ["255.255.255.255", /reserved/],
      ["198.18.0.1", /reserved/],
    ];
    for (const [address, reason] of refused) expect(addressRefusal(address), address).toMatch(reason);
    // Just outside the private and CGNAT ranges.
    for (const address of ["172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255", "11.0.0.1"]) {
      expect(addressRefusal(address), address).toBeUndefined();
    }
  });

  it("refuses loopback, unique-local, link-local, multicast, IPv4-mapped and tunnelling IPv6 addresses", () => {
    const refused: [string, RegExp][] = [
      ["::1", /loopback/],
      ["[::1]", /loopback/],
      ["::", /unspecified/],
      ["fd12:3456:789a::1", /unique-local/],
      ["fc00::1", /unique-local/],
      ["fe80::1", /link-local/],
      ["ff02::1", /multicast/],
      ["::ffff:127.0.0.1", /IPv4-mapped/],
      ["::ffff:7f00:1", /IPv4-mapped/],
      ["::ffff:8.8.8.8", /IPv4-mapped/],
      ["64:ff9b::a00:1", /reserved IPv6/],
      ["2002:a00:1::", /6to4/],
      ["2001:db8::1", /reserved/],
      ["::127.0.0.1", /reserved IPv6/],
    ];
    for (const [address, reason] of refused) expect(addressRefusal(address), address).toMatch(reason);
  });

  it("treats anything else as not an address", () => {
    for (const text of [
      "example.com",
      "127.1",
      "0x7f000001",
      "1.2.3.256",
      "01.2.3.4",
      "fe80::1%eth0",
      "1::2::3",
      "",
    ]) {
      expect(isIpAddress(text), text).toBe(false);
      expect(addressRefusal(text), text).toBe("not an IP address");
    }
  });
});
