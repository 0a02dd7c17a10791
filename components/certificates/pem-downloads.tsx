"use client";

import { FileDownload } from "./file-download";

/** Downloads of PEM text the page already has, built in the browser. */
export function PemDownloads({
  files,
  label,
}: {
  files: { fileName: string; pem: string }[];
  label: string;
}) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {files.map((file) => (
        <li key={file.fileName}>
          <FileDownload fileName={file.fileName} content={{ text: file.pem }} />
        </li>
      ))}
    </ul>
  );
}
