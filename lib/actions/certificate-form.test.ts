import { describe, expect, it } from "vitest";
import { issueCertificateSchema } from "@/lib/schemas/certificates";
import { fieldErrorsOf } from "@/lib/errors";

import { certificateFormToObject, csrFormToObject, formFieldErrors } from "./certificate-form";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("certificateFormToObject", () => {
  it("pairs SAN rows and drops empty ones", () => {
    const object = certificateFormToObject(
      form([
        ["commonName", "app"],
        ["sanType", "dns"],
        ["sanValue", "app.example.com"],
        ["sanType", "ip"],
        ["sanValue", " "],
        ["sanType", "uri"],
        ["sanValue", "spiffe://prod/app"],
        ["$ACTION_ID_x", ""],
      ]),
    );
    expect(object).toEqual({
      commonName: "app",
      subjectAltNames: [
        { type: "dns", value: "app.example.com" },
        { type: "uri", value: "spiffe://prod/app" },
      ],
    });
  });

  it("gives each bad SAN row its own error path", () => {
    const object = certificateFormToObject(
      form([
        ["commonName", "app"],
        ["sanType", "dns"],
        ["sanValue", "ok.example.com"],
        ["sanType", "email"],
        ["sanValue", "not-an-email"],
      ]),
    );
    const parsed = issueCertificateSchema.safeParse(object);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(Object.keys(fieldErrorsOf(parsed.error))).toEqual(["subjectAltNames.1.value"]);
  });
});

describe("csrFormToObject", () => {
  const pem = "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n";

  it("reads a picked file when nothing was pasted", async () => {
    const object = await csrFormToObject(
      form([
        ["csrPem", ""],
        ["csrFile", new Blob([pem])],
      ]),
    );
    expect(object.csrPem).toBe(pem);
    expect(object).not.toHaveProperty("csrFile");
  });

  it("prefers the pasted PEM over a file", async () => {
    const object = await csrFormToObject(
      form([
        ["csrPem", "pasted"],
        ["csrFile", new Blob([pem])],
      ]),
    );
    expect(object.csrPem).toBe("pasted");
  });
});

describe("formFieldErrors", () => {
  it("adds the configured maximum validity to the schema's errors", () => {
    const payload = { commonName: "a,b", validityDays: "9999" };
    const parsed = issueCertificateSchema.safeParse(payload);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(formFieldErrors(parsed.error, payload, 397)).toMatchObject({
        commonName: [expect.any(String)],
        validityDays: ["At most 397 days"],
      });
  });
});
