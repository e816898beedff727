// A stand-in Meshery Server on loopback: serves /api/user/token and records what the provider sent it.
import { type FakeApi, startFakeApi } from "./fake-api";

export type FakeMeshery = FakeApi & { tokenCallbacks: URLSearchParams[] };

export async function startFakeMeshery(): Promise<FakeMeshery> {
  const tokenCallbacks: URLSearchParams[] = [];
  const server = await startFakeApi((req, res) => {
    const url = new URL(req.url ?? "/", "http://meshery.invalid");
    if (url.pathname !== "/api/user/token") {
      res.writeHead(404).end();
      return;
    }
    tokenCallbacks.push(url.searchParams);
    res.writeHead(200, { "content-type": "text/html" }).end("<h1>Meshery Server: signed in</h1>");
  });
  return { ...server, tokenCallbacks };
}
