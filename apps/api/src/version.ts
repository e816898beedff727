// The API's version, taken from its package.json at build time.
import packageJson from "../package.json" with { type: "json" };

export const apiVersion: string = packageJson.version;
