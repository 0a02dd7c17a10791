import { describe, expect, it } from "vitest";

import { bigInteger, randomOdd } from "@/test/fixtures/csr";
import { rsaPublicKeyRefusal } from "./rsa-key-policy";

const F4 = bigInteger(65537);

describe("rsaPublicKeyRefusal", () => {
  it("accepts moduli of 2048 to 8192 bits, 3072 and 4096 between", () => {
    for (const bits of [2048, 3072, 4096, 8192]) expect(rsaPublicKeyRefusal(randomOdd(bits), F4)).toBeNull();
    expect(rsaPublicKeyRefusal(randomOdd(2047), F4)).toContain(
      "2047 bits; this CA signs keys of 2048 to 8192",
    );
    expect(rsaPublicKeyRefusal(randomOdd(8193), F4)).toContain("8193 bits");
  });

  it("accepts odd exponents from 3 to 2^31 − 1, Go's limit", () => {
    const n = randomOdd(2048);
    for (const e of [3, 17, 65537, 2 ** 31 - 1]) expect(rsaPublicKeyRefusal(n, bigInteger(e))).toBeNull();
    expect(rsaPublicKeyRefusal(n, bigInteger(2 ** 31 + 1))).toContain("public exponent is 2147483649");
    expect(rsaPublicKeyRefusal(n, bigInteger(2n ** 64n + 1n))).toContain("public exponent has 65 bits");
    for (const e of [0, 1, 2, 65536])
      expect(rsaPublicKeyRefusal(n, bigInteger(e))).toContain(`public exponent is ${e};`);
  });

  it("refuses an even modulus", () => {
    expect(rsaPublicKeyRefusal(randomOdd(2048).subtract(bigInteger(1)), F4)).toContain("modulus is even");
  });
});
