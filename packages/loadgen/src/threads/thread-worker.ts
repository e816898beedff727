// The entry point of a load thread (a worker_threads Worker): runs one LoadThread and reports to the parent.
import { parentPort, workerData } from "node:worker_threads";
import { LoadThread } from "../engine/load-thread";
import type { ThreadConfig, ToThread } from "../engine/thread-messages";

const parent = parentPort;
if (parent === null) throw new Error("thread-worker runs only as a worker thread");

const thread = new LoadThread(workerData as ThreadConfig, (message) => parent.postMessage(message));

parent.on("message", (message: ToThread) => {
  if (message.type === "stop") {
    thread.stop(message.cause);
    return;
  }
  // Every thread's performance.now() has its own origin; the epoch start puts them on one clock.
  const startAt = message.startAtEpochMs - performance.timeOrigin;
  setTimeout(() => thread.start(startAt), Math.max(0, startAt - performance.now()));
});

await thread.connect();
parent.postMessage({ type: "ready" });
