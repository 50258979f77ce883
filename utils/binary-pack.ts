/**
 * Typed arrays and a little JSON in one ArrayBuffer, read back without copying: the compiled
 * matcher is written this way at build time so the background loads it with no work (a fetch
 * and a few views) instead of compiling the lexicon at every cold start.
 *
 * Layout: "CRL1", the JSON's byte length (u32, little-endian), the JSON (UTF-8), then each
 * array in order, every one starting at a multiple of 4 bytes. The JSON holds the caller's
 * `meta` and each array's name, kind and length.
 */

const MAGIC = 0x314c5243; // "CRL1" read as a little-endian u32
const HEADER_BYTES = 8;

type ArrayKind = 'i32' | 'u16' | 'u8';
export type PackedArray = Int32Array | Uint16Array | Uint8Array;

/** Bytes per element of each kind. */
const ELEMENT_BYTES: Readonly<Record<ArrayKind, number>> = { i32: 4, u16: 2, u8: 1 };

function kindOf(array: PackedArray): ArrayKind {
  if (array instanceof Int32Array) return 'i32';
  return array instanceof Uint16Array ? 'u16' : 'u8';
}

function viewOf(kind: ArrayKind, buffer: ArrayBuffer, offset: number, length: number): PackedArray {
  if (kind === 'i32') return new Int32Array(buffer, offset, length);
  return kind === 'u16' ? new Uint16Array(buffer, offset, length) : new Uint8Array(buffer, offset, length);
}

interface Layout<Meta> {
  readonly meta: Meta;
  readonly arrays: readonly { readonly name: string; readonly kind: ArrayKind; readonly length: number }[];
}

class PackError extends Error {}

const align4 = (offset: number) => (offset + 3) & ~3;

export function pack<Meta>(meta: Meta, arrays: Readonly<Record<string, PackedArray>>): ArrayBuffer {
  const layout: Layout<Meta> = {
    meta,
    arrays: Object.entries(arrays).map(([name, array]) => ({
      name,
      kind: kindOf(array),
      length: array.length,
    })),
  };
  const json = new TextEncoder().encode(JSON.stringify(layout));
  let size = align4(HEADER_BYTES + json.length);
  const offsets = Object.values(arrays).map((array) => {
    const at = size;
    size = align4(size + array.byteLength);
    return at;
  });
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  new Uint8Array(buffer, HEADER_BYTES, json.length).set(json);
  Object.values(arrays).forEach((array, index) => {
    new Uint8Array(buffer, offsets[index], array.byteLength).set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
  });
  return buffer;
}

export interface Unpacked<Meta> {
  readonly meta: Meta;
  /** Views into the buffer (little-endian, as every browser and Node on x86/ARM is). */
  int32(name: string): Int32Array;
  uint16(name: string): Uint16Array;
  uint8(name: string): Uint8Array;
}

export function unpack<Meta>(buffer: ArrayBuffer): Unpacked<Meta> {
  if (buffer.byteLength < HEADER_BYTES) throw new PackError('packed data: too short');
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new PackError('packed data: not ours (bad magic number)');
  const jsonLength = view.getUint32(4, true);
  if (HEADER_BYTES + jsonLength > buffer.byteLength) throw new PackError('packed data: truncated header');
  const layout = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, HEADER_BYTES, jsonLength))) as Layout<Meta>;
  const views = new Map<string, PackedArray>();
  let offset = align4(HEADER_BYTES + jsonLength);
  for (const { name, kind, length } of layout.arrays) {
    if (!Object.hasOwn(ELEMENT_BYTES, kind)) throw new PackError(`packed data: array "${name}" of unknown kind`);
    const bytes = length * ELEMENT_BYTES[kind];
    if (offset + bytes > buffer.byteLength) throw new PackError(`packed data: array "${name}" is truncated`);
    views.set(name, viewOf(kind, buffer, offset, length));
    offset = align4(offset + bytes);
  }
  const get = (name: string, kind: ArrayKind) => {
    const array = views.get(name);
    if (!array || kindOf(array) !== kind) {
      throw new PackError(`packed data: no ${kind} array "${name}"`);
    }
    return array;
  };
  return {
    meta: layout.meta,
    int32: (name) => get(name, 'i32') as Int32Array,
    uint16: (name) => get(name, 'u16') as Uint16Array,
    uint8: (name) => get(name, 'u8') as Uint8Array,
  };
}
