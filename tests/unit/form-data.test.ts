import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/validation/form-data";

describe("formDataToObject", () => {
  it("keeps single values as strings and repeated keys as arrays, dropping Next's action fields", () => {
    const form = new FormData();
    form.append("reasonId", "r1");
    form.append("serial", "A");
    form.append("serial", "B");
    form.append("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({ reasonId: "r1", serial: ["A", "B"] });
  });
});
