// The process's v2 consumer instances, keyed by group and instance name. Each belongs to the API
// token (or user) that created it: others get "not found". Idle ones are closed by a sweep; a holder
// may keep at most N open. Instances live in this process only: base_uri leads clients back here.
import { randomUUID } from "node:crypto";

import { ConsumerInstance, type InstanceHolder, V2_CODES } from "./consumer-instance";
import { ConsumerV2Error, type GroupConsumer, type InstanceOptions } from "./consumer-types";

export { ConsumerInstance, type InstanceHolder, V2_CODES } from "./consumer-instance";

export interface RegistryOptions {
  idleMs: number;
  maxPerHolder: number;
  /** Opens the Kafka side of a new instance (a real group member outside unit tests). */
  open: (group: string, options: InstanceOptions) => GroupConsumer;
  now?: () => number;
}

export interface CreateRequest {
  group: string;
  name?: string;
  options: InstanceOptions;
  holder: InstanceHolder;
}

export class ConsumerRegistry {
  private readonly instances = new Map<string, ConsumerInstance>();
  private readonly now: () => number;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RegistryOptions) {
    this.now = options.now ?? Date.now;
  }

  private static key(group: string, name: string) {
    return `${group}\u0000${name}`;
  }

  /** Instances the holder has open. */
  countOf(holder: InstanceHolder): number {
    let count = 0;
    for (const instance of this.instances.values()) if (instance.holder.actor === holder.actor) count++;
    return count;
  }

  get size(): number {
    return this.instances.size;
  }

  create(request: CreateRequest): ConsumerInstance {
    const name = request.name ?? `rest-consumer-${randomUUID()}`;
    const key = ConsumerRegistry.key(request.group, name);
    if (this.instances.has(key))
      throw new ConsumerV2Error(
        409,
        V2_CODES.alreadyExists,
        `Consumer instance ${name} already exists in group ${request.group}; choose another name or leave it out.`,
      );
    const open = this.countOf(request.holder);
    if (open >= this.options.maxPerHolder)
      throw new ConsumerV2Error(
        429,
        V2_CODES.tooMany,
        `This API token already has ${open} consumer instances open (the limit is restProxy.maxConsumersPerToken = ${this.options.maxPerHolder}); DELETE one first.`,
      );
    const kafka = this.options.open(request.group, request.options);
    const instance = new ConsumerInstance(
      request.group,
      name,
      request.options,
      request.holder,
      kafka,
      this.now(),
    );
    this.instances.set(key, instance);
    this.startSweeping();
    return instance;
  }

  /** The holder's instance, marked as used now; 40403 when it does not exist or is someone else's. */
  get(group: string, name: string, holder: InstanceHolder): ConsumerInstance {
    const instance = this.instances.get(ConsumerRegistry.key(group, name));
    if (!instance || instance.holder.actor !== holder.actor)
      throw new ConsumerV2Error(
        404,
        V2_CODES.instanceNotFound,
        `Consumer instance ${name} of group ${group} not found: it was deleted, closed after being idle, never created by this API token, or lives on another console replica (follow base_uri).`,
      );
    instance.lastUsedAt = this.now();
    return instance;
  }

  async delete(group: string, name: string, holder: InstanceHolder): Promise<void> {
    const instance = this.get(group, name, holder);
    this.instances.delete(ConsumerRegistry.key(group, name));
    await instance.kafka.close();
  }

  /** Closes the instances idle for longer than the configured time; answers how many. */
  async closeIdle(): Promise<number> {
    const cutoff = this.now() - this.options.idleMs;
    const idle = [...this.instances.entries()].filter(([, instance]) => instance.lastUsedAt <= cutoff);
    for (const [key] of idle) this.instances.delete(key);
    await Promise.allSettled(idle.map(([, instance]) => instance.kafka.close()));
    if (this.instances.size === 0) this.stopSweeping();
    return idle.length;
  }

  async closeAll(): Promise<void> {
    const all = [...this.instances.values()];
    this.instances.clear();
    this.stopSweeping();
    await Promise.allSettled(all.map((instance) => instance.kafka.close()));
  }

  private startSweeping() {
    if (this.sweeper) return;
    const every = Math.max(1_000, Math.min(30_000, Math.floor(this.options.idleMs / 4)));
    this.sweeper = setInterval(() => void this.closeIdle(), every);
    this.sweeper.unref?.();
  }

  private stopSweeping() {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
