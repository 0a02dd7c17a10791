"use client";

import { buttonClassName } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { useBlobDownload, type FileContent } from "./use-blob-url";

interface FileDownloadProps {
  fileName: string;
  content: FileContent;
  type?: string;
  /** After the file name, e.g. "certificate, key, chain, CA and a README". */
  description?: string;
}

/** A download link named "Download <file name>", built from a Blob in the browser. */
export function FileDownload({
  fileName,
  content,
  type = "application/x-pem-file",
  description,
}: FileDownloadProps) {
  const onClick = useBlobDownload(content, type);
  return (
    // The href is replaced by an object URL on click; "#" keeps it a link until then.
    <a href="#" download={fileName} onClick={onClick} className={buttonClassName()}>
      <DownloadIcon />
      <span className="sr-only">Download </span>
      {fileName}
      {description && " "}
      {description && (
        <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">({description})</span>
      )}
    </a>
  );
}
