import type { Metadata } from "next";
import Link from "next/link";
import { parseInventoryFilters, inventorySearchString } from "@/lib/queries/certificates";
import { can } from "@/lib/permissions";
import { requirePagePermission } from "@/lib/server/auth";
import * as ca from "@/lib/server/ca";
import { getConfig } from "@/lib/server/config";
import { CertificateRequestTabs } from "@/components/certificates/certificate-request-tabs";
import { CertificateFiltersForm } from "@/components/certificates/certificate-filters-form";
import { CertificatesTable } from "@/components/certificates/certificates-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ChevronRightIcon } from "@/components/ui/icons";
import { caPath, certificatesPath } from "@/lib/paths";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Certificates" };

const PAGE_SIZE = 25;
const TITLE_ID = "certificate-inventory-title";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CertificatesPage({ searchParams }: { searchParams: SearchParams }) {
  const { role } = await requirePagePermission("certificate.view");
  const filters = parseInventoryFilters(await searchParams);
  const page = await ca.listCertificates({ ...filters, limit: PAGE_SIZE });
  const { defaultValidityDays, maxValidityDays } = getConfig().ca;
  const filtered = filters.q !== undefined || filters.status !== undefined;

  return (
    <>
      <PageHeader
        title="Certificates"
        description={
          <>
            Client and broker certificates from the console&apos;s CA; the broker sees each as
            User:&lt;CN&gt;. The CA certificates and the CRL are public at{" "}
            <Link href={caPath()} className="underline underline-offset-2">
              /tools/ca
            </Link>
            .
          </>
        }
      />
      <div className="space-y-6">
        {can(role, "certificate.issue") ? (
          <Card>
            <CardHeader
              title="New certificate"
              description="Generate a key pair here, or sign a CSR so the private key never leaves your machine."
            />
            <div className="px-5 py-4">
              <CertificateRequestTabs
                validity={{ defaultDays: defaultValidityDays, maxDays: maxValidityDays }}
              />
            </div>
          </Card>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Issuing certificates needs the operator role; you can browse the inventory.
          </p>
        )}
        <Card id="inventory">
          <CardHeader
            title="Issued certificates"
            titleId={TITLE_ID}
            description={`${page.total} ${page.total === 1 ? "certificate" : "certificates"}${filtered ? " match" : ""}${filters.cursor ? ", a later page" : ""}`}
          />
          <CertificateFiltersForm key={inventorySearchString(filters)} filters={filters} />
          {page.certificates.length === 0 ? (
            <p className="border-t border-zinc-200 px-5 py-8 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              {filtered ? "No certificate matches these filters." : "No certificates issued yet."}
            </p>
          ) : (
            <CertificatesTable certificates={page.certificates} titleId={TITLE_ID} />
          )}
        </Card>
        {(filters.cursor !== undefined || page.nextCursor !== null) && (
          <nav aria-label="Certificate pages" className="flex items-center justify-end gap-3">
            {filters.cursor !== undefined && (
              <Link
                href={`${certificatesPath(inventorySearchString({ ...filters, cursor: undefined }))}#inventory`}
                className={buttonClassName("ghost")}
              >
                First page
              </Link>
            )}
            {page.nextCursor !== null && (
              <Link
                href={`${certificatesPath(inventorySearchString({ ...filters, cursor: page.nextCursor }))}#inventory`}
                className={buttonClassName()}
              >
                Next page
                <ChevronRightIcon />
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  );
}
