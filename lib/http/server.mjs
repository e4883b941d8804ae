// The production server (`npm start`): Next.js's own request handler behind a plain Node HTTP server whose only job is
// to tell the app the client's real address. Next.js fills X-Forwarded-For from the socket only when the client did not
// send one, so with no proxy in front a client could choose its own address for rate limits and the audit log. Here each
// request gets the socket's address in a header signed with a key that exists only in this process (see client-address.ts).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";

const PEER_HEADER = "x-clinic-peer";
process.env.NODE_ENV = "production";
process.env.CLINIC_PEER_KEY = randomBytes(32).toString("base64url");
const key = process.env.CLINIC_PEER_KEY;

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const port = Number(option("-p", process.env.PORT ?? "3000"));
const hostname = option("-H", process.env.HOSTNAME ?? "0.0.0.0");

const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? "0");
if (process.env.REQUIRE_TRUSTED_PROXY === "true" && !(hops > 0)) {
  console.error(
    "REQUIRE_TRUSTED_PROXY is set but TRUSTED_PROXY_HOPS is 0: declare the proxies in front of the app (see README).",
  );
  process.exit(1);
}

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = `${key}|${req.socket.remoteAddress ?? ""}`;
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
    res.end();
  });
});
// As `next start`: longer than a typical proxy's idle timeout, so it never reuses a connection we just closed.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
