// Exportar, read back, on PostgreSQL (one COPY statement per export): the tests are in
// tests/support/export-roundtrip-suite.ts, shared with the PGlite run.
import { exportRoundTripSuite } from "../support/export-roundtrip-suite";

exportRoundTripSuite();
