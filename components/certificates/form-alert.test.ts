import { describe, expect, it } from "vitest";
import { formAlertText } from "./form-alert";

const placed = (field: string) => field === "csrPem";

describe("formAlertText", () => {
  it("shows the error itself when no field is to blame", () => {
    expect(formAlertText("Only an admin may issue it.", undefined, placed)).toBe(
      "Only an admin may issue it.",
    );
  });

  it("points at the fields instead of repeating their messages", () => {
    expect(formAlertText("Malformed CSR", { csrPem: ["Malformed CSR"] }, placed)).toBe(
      "Check the highlighted fields.",
    );
  });

  it("spells out errors of fields the form does not show", () => {
    expect(
      formAlertText("x", { csrPem: ["Bad"], "subjectAltNames.0.value": ["Not a DNS name"] }, placed),
    ).toBe("Check the highlighted fields. Not a DNS name");
    expect(formAlertText("x", { commonName: ["No commas in the CN"] }, placed)).toBe("No commas in the CN");
  });
});
