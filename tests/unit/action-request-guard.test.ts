import { describe, expect, it } from "vitest";
import { refuseActionForm, refuseActionRequest } from "@/lib/http/action-request-guard";

const ORIGIN = "http://localhost:3000";

function request(headers: Record<string, string>, method = "POST") {
  return { method, url: `${ORIGIN}/fabricante/assinaturas`, headers: new Headers({ host: "localhost:3000", ...headers }) };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("server-action request guard", () => {
  const multipart = "multipart/form-data; boundary=----abc";

  it("lets through what the portal's forms send", () => {
    expect(refuseActionRequest(request({ origin: ORIGIN, "content-type": multipart, "content-length": "300" }))).toBeNull();
    expect(refuseActionForm(form({ "0": '[null,"$K1"]', "1_serialNumber": "X" }), true)).toBeNull();
    expect(refuseActionForm(form({ "0": '["$K1"]', "1_locale": "en" }), true)).toBeNull();
    const previous = JSON.stringify([{ ok: false, code: "VALIDATION", error: "$$x", at: "$D2026-12-07T10:00:00.000Z" }, "$K1"]);
    expect(refuseActionForm(form({ "0": previous }), true)).toBeNull();
    expect(refuseActionForm(form({ $ACTION_ID_7ffde9571ba933f05eae52f344f94f1190bdd4992c: "", locale: "en" }), false)).toBeNull();
  });

  it.each([
    [{ origin: "http://evil.example", "content-type": multipart, "content-length": "10" }, 403],
    [{ origin: "https://localhost:3000", "content-type": multipart, "content-length": "10" }, 403],
    [{ "content-type": multipart, "content-length": "10" }, 403],
    [{ origin: ORIGIN, "content-type": multipart }, 411],
    [{ origin: ORIGIN, "content-type": multipart, "content-length": "-1" }, 400],
    [{ origin: ORIGIN, "content-type": multipart, "content-length": String(1024 * 1024 + 1) }, 413],
    [{ origin: ORIGIN, "content-type": "text/plain", "content-length": "10" }, 415],
    [{ origin: ORIGIN, "content-type": "multipart/form-data", "content-length": "10" }, 415],
  ])("refuses %j with %i", (headers, status) => {
    expect(refuseActionRequest(request(headers))?.status).toBe(status);
  });

  it.each([
    "",
    "not json",
    "[]",
    "{}",
    "[null,{}]",
    '["$Q1"]',
    '["$F1"]',
    '[null,"$K1","x"]',
    '[{"a":"$@1"},"$K1"]',
    '["$K1", null]',
  ])("refuses the arguments %j", (encoded) => {
    expect(refuseActionForm(form({ "0": encoded }), true)?.status).toBe(400);
  });

  it("refuses a form post without a valid action field", () => {
    expect(refuseActionForm(form({ x: "1" }), false)?.status).toBe(400);
    expect(refuseActionForm(form({ $ACTION_ID_x: "" }), false)?.status).toBe(400);
  });
});
