"use client";

// Placeholder until the inspector lands (owned by the inspector work).
export interface MessageInspectorProps {
  cluster: string;
  topic: string;
  partitions: number[];
  canProduce: boolean;
}

export function MessageInspector({ topic }: MessageInspectorProps) {
  return <p className="text-muted-foreground text-sm">Messages of {topic} appear here.</p>;
}
