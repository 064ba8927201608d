import { describe, expect, it } from "vitest";
import { formatDocument, isValidCnpj, isValidCpf, onlyDigits } from "@/lib/domain/documents";

describe("CNPJ/CPF", () => {
  it("formats CNPJ and CPF digits", () => {
    expect(formatDocument("12345678000195")).toBe("12.345.678/0001-95");
    expect(formatDocument("52998224725")).toBe("529.982.247-25");
    expect(formatDocument("123")).toBe("123");
  });

  it("validates check digits", () => {
    expect(isValidCnpj("11.222.333/0001-81")).toBe(true);
    expect(isValidCnpj("11.222.333/0001-82")).toBe(false);
    expect(isValidCnpj("00000000000000")).toBe(false);
    expect(isValidCpf("529.982.247-25")).toBe(true);
    expect(isValidCpf("529.982.247-24")).toBe(false);
    expect(isValidCpf("11111111111")).toBe(false);
  });

  it("strips punctuation", () => {
    expect(onlyDigits("12.345.678/0001-90")).toBe("12345678000190");
  });
});
