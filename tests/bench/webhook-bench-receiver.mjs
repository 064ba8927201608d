// The benchmark's receiver, in its own process (as a real receiver would be): answers 200 at once
// and keeps, per delivery, how long after the event's commit it arrived.
import { createServer } from "node:http";

const latencies = [];
let count = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    count++;
    latencies.push(Date.now() - Date.parse(body.createdAt));
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (message) => {
  if (message === "reset") {
    latencies.length = 0;
    count = 0;
  } else if (message === "stats") {
    process.send({ count, latencies });
  }
});
