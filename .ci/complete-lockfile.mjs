// Records in package-lock.json the other platforms' optional binaries (Biome's, turbo's...) that the registry
// reachable from our build machines does not serve: without them `npm ci` refuses the lockfile as out of sync.
// Each entry carries its os/cpu/libc, so npm skips it on other platforms and never fetches it.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
const oses = {
  darwin: "darwin",
  win32: "win32",
  windows: "win32",
  linux: "linux",
  android: "android",
  freebsd: "freebsd",
};
const cpus = { arm64: "arm64", x64: "x64", 64: "x64", ia32: "ia32", arm: "arm" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.map((p) => oses[p]).find(Boolean);
  const cpu = parts.map((p) => cpus[p]).find(Boolean);
  if (!os || !cpu) return undefined;
  return { os: [os], cpu: [cpu], ...(parts.includes("musl") ? { libc: ["musl"] } : {}) };
}

let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  if (!key.startsWith("node_modules/") || !entry.optionalDependencies) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    if (packages[`node_modules/${name}`] || packages[`${key}/node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.warn(`left out ${name}: its platform is not in its name`);
      continue;
    }
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added += 1;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: recorded ${added} optional binaries of other platforms`);
