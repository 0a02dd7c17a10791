"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, Select, TextInput } from "@/components/ui/field";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { deleteRecords, previewDeleteRecords } from "@/lib/actions/delete-records";
import {
  DELETE_RECORDS_MODE_LABELS,
  DELETE_RECORDS_MODES,
  type DeleteRecordsMode,
} from "@/lib/schemas/topic-ops";
import { formatCount } from "./topic-links";

interface PreviewRow {
  partition: number;
  lowBefore: string | null;
  highWatermark: string | null;
  newLow: string | null;
  records: string | null;
  clamped: boolean;
  problem: string | null;
}

interface Preview {
  rows: PreviewRow[];
  records: string;
}

/** Operators: delete records before an offset, a time, or all; preview per partition, then confirm. */
export function DeleteRecordsCard({
  cluster,
  topic,
  partitions,
}: {
  cluster: string;
  topic: string;
  partitions: number[];
}) {
  const router = useRouter();
  const [mode, setMode] = useState<DeleteRecordsMode>("offset");
  const [partition, setPartition] = useState("all");
  const [offset, setOffset] = useState("");
  const [time, setTime] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string>();
  const [working, startWork] = useTransition();

  const request = () => ({
    cluster,
    topic,
    mode,
    partitions: partition === "all" ? undefined : [Number(partition)],
    offset: mode === "offset" ? offset : undefined,
    // datetime-local is the browser's local time; the server takes an instant.
    timestamp:
      mode === "timestamp" && time ? new Date(time).toISOString() : mode === "timestamp" ? "" : undefined,
  });
  const reset = () => {
    setPreview(null);
    setDone(undefined);
  };

  const runPreview = () =>
    startWork(async () => {
      setError(undefined);
      setFieldErrors({});
      setDone(undefined);
      const result = await previewDeleteRecords(null, { ...request(), dryRun: true });
      if (!result.ok) {
        setPreview(null);
        setFieldErrors(result.fieldErrors ?? {});
        return setError(result.error);
      }
      setPreview({ rows: result.data.rows, records: result.data.records });
    });

  const runDelete = () =>
    startWork(async () => {
      setError(undefined);
      const result = await deleteRecords(null, { ...request(), dryRun: false });
      if (!result.ok) return setError(result.error);
      setConfirming(false);
      setPreview(null);
      const marks = result.data.after
        .map((row) => `${row.partition}: ${formatCount(row.lowWatermark)}`)
        .join(", ");
      setDone(
        `Deleted ${formatCount(result.data.records)} records from ${topic}.${marks ? ` Low watermarks now ${marks}.` : ""}`,
      );
      router.refresh();
    });

  return (
    <Card aria-labelledby="delete-records-title">
      <CardHeader
        titleId="delete-records-title"
        title="Delete records"
        description="Moves the low watermark forward: records before it are gone for every consumer. Kafka refuses topics that are compacted only (cleanup.policy=compact)."
      />
      <form
        className="flex flex-wrap items-end gap-3 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          runPreview();
        }}
      >
        <Field label="Delete" className="w-48">
          {(control) => (
            <Select
              {...control}
              value={mode}
              onChange={(event) => {
                setMode(event.target.value as DeleteRecordsMode);
                reset();
              }}
            >
              {DELETE_RECORDS_MODES.map((value) => (
                <option key={value} value={value}>
                  {DELETE_RECORDS_MODE_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Partitions" errors={fieldErrors.partitions} className="w-40">
          {(control) => (
            <Select
              {...control}
              value={partition}
              onChange={(event) => {
                setPartition(event.target.value);
                reset();
              }}
            >
              <option value="all">All partitions</option>
              {partitions.map((value) => (
                <option key={value} value={String(value)}>
                  Partition {value}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {mode === "offset" && (
          <Field label="Before offset" errors={fieldErrors.offset} className="w-48">
            {(control) => (
              <TextInput
                {...control}
                inputMode="numeric"
                value={offset}
                onChange={(event) => {
                  setOffset(event.target.value);
                  reset();
                }}
              />
            )}
          </Field>
        )}
        {mode === "timestamp" && (
          <Field label="Before (your local time)" errors={fieldErrors.timestamp} className="w-64">
            {(control) => (
              <TextInput
                {...control}
                type="datetime-local"
                step={1}
                value={time}
                onChange={(event) => {
                  setTime(event.target.value);
                  reset();
                }}
              />
            )}
          </Field>
        )}
        <Button type="submit" disabled={working}>
          Preview
        </Button>
      </form>
      <div className="space-y-2 px-5 pb-4 empty:hidden">
        {error && !confirming && <FormMessage tone="error">{error}</FormMessage>}
        {done && <FormMessage tone="notice">{done}</FormMessage>}
      </div>
      {preview && (
        <div className="border-t border-zinc-200 dark:border-zinc-800">
          <Table aria-label="Records that go per partition">
            <TableHead>
              <tr>
                <TableHeaderCell className="text-right">Partition</TableHeaderCell>
                <TableHeaderCell className="text-right">Low now</TableHeaderCell>
                <TableHeaderCell className="text-right">High</TableHeaderCell>
                <TableHeaderCell className="text-right">New low</TableHeaderCell>
                <TableHeaderCell className="text-right">Records that go</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {preview.rows.map((row) => (
                <tr key={row.partition}>
                  <TableCell className="text-right tabular-nums">{row.partition}</TableCell>
                  <TableCell className="text-right tabular-nums">{figure(row.lowBefore)}</TableCell>
                  <TableCell className="text-right tabular-nums">{figure(row.highWatermark)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {row.problem ?? figure(row.newLow)}
                    {row.clamped && <span className="text-zinc-500"> (the high watermark)</span>}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{figure(row.records)}</TableCell>
                </tr>
              ))}
            </TableBody>
          </Table>
          <div className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
            <span role="status">
              {preview.records === "0"
                ? "Nothing to delete: the low watermarks are already there."
                : `${formatCount(preview.records)} records would go.`}
            </span>
            {preview.records !== "0" && (
              <Button onClick={() => setConfirming(true)} disabled={working}>
                Delete {formatCount(preview.records)} records…
              </Button>
            )}
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete records of ${topic}?`}
        confirmLabel="Delete records"
        destructive
        pending={working}
        error={error}
        onConfirm={runDelete}
        onClose={() => {
          setConfirming(false);
          setError(undefined);
        }}
      >
        <p>
          {preview ? formatCount(preview.records) : 0} records before the new low watermarks go from{" "}
          {partition === "all" ? "every partition" : `partition ${partition}`} of {topic}, for every consumer.
          This cannot be undone; it is recorded in the audit log.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

const figure = (value: string | null) => (value === null ? "—" : formatCount(value));
