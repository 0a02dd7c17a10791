// Protobuf with the registry's .proto text: the schema and its references (imports, by the name
// the schema imports them under) are parsed into one protobufjs root; Google's well-known imports
// come from protobufjs itself. The framing's message indexes pick the message type: a path through
// the file's messages in declaration order, nested ones included. Values are ProtoJSON (the
// canonical JSON mapping: lowerCamelCase names, 64-bit integers and bytes as strings, enums by
// name, defaults left out), as @bufbuild/protobuf's toJson gives for the Confluent deserializer.
import protobuf from "protobufjs";
import protojson from "protobufjs/ext/protojson.js";

import { readMessageIndexes } from "./wire-format";
import { CodecError, messageOf, type NamedSchema, type ResolvedSchema, type SchemaCodec } from "./types";

interface ProtobufSchema {
  root: protobuf.Root;
  /** The file's own top-level messages, in declaration order. */
  topLevel: protobuf.Type[];
}

export function compileProtobuf(resolved: ResolvedSchema): SchemaCodec {
  const { root, topLevel } = buildRoot(resolved);
  if (topLevel.length === 0) throw new CodecError("The Protobuf schema declares no message");
  const byIndexes = new Map<string, protobuf.Type>();
  const typeAt = (indexes: number[]) => {
    const key = indexes.join(".");
    let type = byIndexes.get(key);
    if (!type) {
      type = messageAt(topLevel, indexes);
      byIndexes.set(key, type);
    }
    return type;
  };

  return {
    format: "PROTOBUF",
    decode(body) {
      let type: protobuf.Type;
      let payload: Uint8Array;
      try {
        const read = readMessageIndexes(body);
        type = typeAt(read.indexes);
        payload = read.payload;
      } catch (error) {
        throw new CodecError(`The Protobuf message indexes are not valid: ${messageOf(error)}`);
      }
      try {
        const value: unknown = protojson.toJson(type, type.decode(payload));
        let json: string | undefined;
        return {
          get json() {
            return (json ??= JSON.stringify(value));
          },
          parsed: { value },
          messageType: fullName(type),
        };
      } catch (error) {
        throw new CodecError(
          `The value does not match its Protobuf message ${fullName(type)}: ${messageOf(error)}`,
        );
      }
    },
    encode(value, options = {}) {
      const type = options.messageType ? lookupMessage(root, options.messageType) : topLevel[0]!;
      let message: protobuf.Message;
      try {
        message = protojson.fromJson(type, value);
      } catch (error) {
        throw new CodecError(
          `The value does not fit the Protobuf message ${fullName(type)}: ${messageOf(error)}`,
        );
      }
      const problem = type.verify(message);
      if (problem)
        throw new CodecError(`The value does not fit the Protobuf message ${fullName(type)}: ${problem}`);
      return { payload: type.encode(message).finish(), messageIndexes: indexesOf(topLevel, type) };
    },
  };
}

function buildRoot(resolved: ResolvedSchema): ProtobufSchema {
  const root = new protobuf.Root();
  const parsed = new Set<string>();
  const importKnown = (imports: string[] | undefined) => {
    for (const name of imports ?? []) {
      if (parsed.has(name)) continue;
      const known = protobuf.common.get(name);
      if (!known) continue;
      parsed.add(name);
      root.addJSON(known.nested ?? {});
    }
  };
  const addReferences = (references: NamedSchema[]) => {
    for (const reference of references) {
      if (parsed.has(reference.name)) continue;
      parsed.add(reference.name);
      addReferences(reference.references);
      importKnown(parseInto(root, reference.schema, `referenced schema ${reference.name}`).imports);
    }
  };
  addReferences(resolved.references);
  const main = parseInto(root, resolved.schema, "schema");
  importKnown(main.imports);
  try {
    root.resolveAll();
  } catch (error) {
    throw new CodecError(`The Protobuf schema does not resolve: ${messageOf(error)}`);
  }
  // The file's own messages, in its order: parsed again alone (the shared root mixes in the imports).
  const own = parseInto(new protobuf.Root(), resolved.schema, "schema");
  const namespace = own.package ? own.root.lookup(own.package) : own.root;
  const names = namespace instanceof protobuf.Namespace ? namespace.nestedArray : [];
  const topLevel = names
    .filter((nested): nested is protobuf.Type => nested instanceof protobuf.Type)
    .map((type) => root.lookupType(`${own.package ? `.${own.package}` : ""}.${type.name}`));
  return { root, topLevel };
}

function parseInto(root: protobuf.Root, text: string, what: string): protobuf.IParserResult {
  try {
    return protobuf.parse(text, root, { keepCase: true });
  } catch (error) {
    throw new CodecError(`The Protobuf ${what} does not parse: ${messageOf(error)}`);
  }
}

function messageAt(topLevel: protobuf.Type[], indexes: number[]): protobuf.Type {
  let candidates = topLevel;
  let type: protobuf.Type | undefined;
  for (const index of indexes) {
    type = candidates[index];
    if (!type) throw new CodecError(`The schema has no message at index path [${indexes.join(", ")}]`);
    candidates = nestedMessages(type);
  }
  if (!type) throw new CodecError("The message index path is empty");
  return type;
}

function indexesOf(topLevel: protobuf.Type[], target: protobuf.Type): number[] {
  const search = (candidates: protobuf.Type[], path: number[]): number[] | null => {
    for (const [index, type] of candidates.entries()) {
      if (type === target) return [...path, index];
      const found = search(nestedMessages(type), [...path, index]);
      if (found) return found;
    }
    return null;
  };
  const found = search(topLevel, []);
  if (!found) throw new CodecError(`${fullName(target)} is not a message of this schema's file`);
  return found;
}

const nestedMessages = (type: protobuf.Type) =>
  type.nestedArray.filter((nested): nested is protobuf.Type => nested instanceof protobuf.Type);

const fullName = (type: protobuf.Type) => type.fullName.replace(/^\./, "");

function lookupMessage(root: protobuf.Root, name: string): protobuf.Type {
  try {
    return root.lookupType(name.startsWith(".") ? name : `.${name}`);
  } catch {
    throw new CodecError(`The Protobuf schema has no message ${name}`);
  }
}
