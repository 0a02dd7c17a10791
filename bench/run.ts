// npm run bench [name…] – benchmarks print figures; they assert nothing.
import { benchAclEvaluation } from "./acl-evaluation";
import { benchAuditRefusalFlood } from "./audit-refusal-flood";
import { benchBrokerStart } from "./broker-start";
import { benchCertificateIssuance } from "./certificate-issuance";
import { benchCsrFreeze } from "./csr-freeze";
import { benchFilters } from "./filters";
import { benchGroupLagSampler } from "./group-lag-sampler";
import { benchGroups } from "./groups";
import { benchHostileFilters } from "./hostile-filters";
import { benchKeyGeneration } from "./key-generation";
import { benchMessageSearch } from "./message-search";
import { benchRestProxy } from "./rest-proxy";
import { benchSchemaSearch } from "./schema-search";
import { benchSchemaSubjects } from "./schema-subjects";
import { benchStatusManyTopics } from "./status-many-topics";
import { benchStore } from "./store";
import { benchThroughputSampler } from "./throughput-sampler";
import { benchTopicList } from "./topic-list";

const benchmarks: Record<string, () => Promise<void>> = {
  "acl-evaluation": () => benchAclEvaluation(),
  "audit-refusal-flood": () => benchAuditRefusalFlood(),
  "broker-start": () => benchBrokerStart(),
  "certificate-issuance": () => benchCertificateIssuance(),
  "csr-freeze": () => benchCsrFreeze(),
  filters: () => benchFilters(),
  "group-lag-sampler": () => benchGroupLagSampler(),
  groups: () => benchGroups(),
  "hostile-filters": () => benchHostileFilters(),
  "key-generation": () => benchKeyGeneration(),
  "message-search": () => benchMessageSearch(),
  "rest-proxy": () => benchRestProxy(),
  "schema-search": () => benchSchemaSearch(),
  "schema-subjects": () => benchSchemaSubjects(),
  "status-many-topics": () => benchStatusManyTopics(),
  store: () => benchStore(),
  "throughput-sampler": () => benchThroughputSampler(),
  "topic-list": () => benchTopicList(),
};

async function main(names: string[]): Promise<void> {
  const selected = names.length > 0 ? names : Object.keys(benchmarks);
  for (const name of selected) {
    const bench = benchmarks[name];
    if (!bench) throw new Error(`Unknown benchmark "${name}". Known: ${Object.keys(benchmarks).join(", ")}`);
    console.log(`# ${name}`);
    await bench();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
