"use client";

import { IssueCertificateForm } from "./issue-certificate-form";
import { SignCsrForm } from "./sign-csr-form";
import { Tabs } from "@/components/ui/tabs";
import type { ValidityLimits } from "./validity-field";

/** Generate a key here, or sign a CSR: two forms, both kept mounted so neither loses its input. */
export function CertificateRequestTabs({ validity }: { validity: ValidityLimits }) {
  return (
    <Tabs
      label="How to get a certificate"
      items={[
        { id: "issue", label: "Issue a certificate", panel: <IssueCertificateForm validity={validity} /> },
        { id: "sign", label: "Sign a CSR", panel: <SignCsrForm validity={validity} /> },
      ]}
    />
  );
}
