// The integration API's node:http path alone (what server.ts mounts before Next), for the benchmark:
// no Next build needed, the same handler, the same connections.
import { createServer } from "node:http";
import { createManufacturerNodeHandler } from "@/lib/manufacturer-api/node-handler";

const port = Number(process.env.PORT ?? 3621);
createServer(createManufacturerNodeHandler()).listen(port, "127.0.0.1", () => console.log(`[bench] API on ${port}`));
