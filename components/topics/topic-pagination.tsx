import { Pagination } from "@/components/ui/pagination";
import { topicsPath } from "@/lib/paths";

interface TopicPaginationProps {
  cluster: string;
  total: number;
  page: number;
  pageSize: number;
  q?: string;
  internal?: boolean;
  sort?: string;
}

export function TopicPagination({ cluster, total, page, pageSize, q, internal, sort }: TopicPaginationProps) {
  return (
    <Pagination
      total={total}
      page={page}
      pageSize={pageSize}
      noun={["topic", "topics"]}
      label="Topic pages"
      hrefFor={(target) => topicsPath(cluster, { q, internal, sort, page: target })}
    />
  );
}
