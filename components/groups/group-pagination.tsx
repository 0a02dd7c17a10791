import { Pagination } from "@/components/ui/pagination";
import { consumerGroupsPath } from "@/lib/paths";
import type { GroupListQuery } from "@/lib/schemas/groups";

interface GroupPaginationProps {
  cluster: string;
  total: number;
  page: number;
  pageSize: number;
  query: GroupListQuery;
}

export function GroupPagination({ cluster, total, page, pageSize, query }: GroupPaginationProps) {
  return (
    <Pagination
      total={total}
      page={page}
      pageSize={pageSize}
      noun={["group", "groups"]}
      label="Group pages"
      hrefFor={(target) => consumerGroupsPath(cluster, { ...query, page: target })}
    />
  );
}
