import "server-only";

// One page of a cluster's subjects, searched by name. The registry answers the whole list (the
// Confluent API has no paging); searching and paging happen here, over names only.
import { SUBJECT_PAGE_SIZE, type SubjectListQuery, type SubjectPage } from "@/lib/schemas/schema-registry";

import { registryClient } from "./index";
import type { RegistryResult } from "./problems";

export function pageOfSubjects(cluster: string, all: string[], query: SubjectListQuery): SubjectPage {
  const needle = query.q?.trim().toLowerCase();
  const matching = needle ? all.filter((subject) => subject.toLowerCase().includes(needle)) : all;
  const pageSize = query.pageSize ?? SUBJECT_PAGE_SIZE;
  const lastPage = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(query.page ?? 1, lastPage);
  return {
    cluster,
    subjects: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageSize,
  };
}

export async function listSubjectPage(
  cluster: string,
  query: SubjectListQuery,
): Promise<RegistryResult<SubjectPage> | { ok: false; notConfigured: true }> {
  const client = registryClient(cluster);
  if (!client) return { ok: false, notConfigured: true };
  const listed = await client.listSubjects();
  if (!listed.ok) return listed;
  return { ok: true, data: pageOfSubjects(cluster, listed.data, query) };
}
