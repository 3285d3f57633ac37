import { gemmInstance, gemmModule } from '../wasm/gemm-module.js';
import { jsKernels, wasmKernels, type KernelMode, type Kernels } from './kernels.js';

/** What `allocate` lays out: named float64 buffers, single or lists of them (lengths). */
export type Layout = Record<string, number | readonly number[]>;

/** The buffers of a `Layout`, zero-filled: a Float64Array per number, a list per list. */
export type Buffers<L extends Layout> = {
  [K in keyof L]: L[K] extends number ? Float64Array : Float64Array[];
};

/** An engine's memory: its buffers and the kernels that run on them. */
export interface Arena<L extends Layout> {
  buffers: Buffers<L>;
  kernels: Kernels;
}

/** Whether this WebAssembly runs the SIMD kernels (else `auto` falls back to JavaScript). */
export function wasmSimdAvailable(): boolean {
  return gemmModule() !== null;
}

/** The kernels a mode resolves to here: `auto` is wasm where WebAssembly SIMD runs, else js. */
export function resolveKernelMode(mode: KernelMode): 'wasm' | 'js' {
  if (mode === 'js') return 'js';
  if (wasmSimdAvailable()) return 'wasm';
  if (mode === 'wasm') {
    throw new Error('kernels "wasm": this runtime has no WebAssembly SIMD; use "auto" or "js"');
  }
  return 'js';
}

const BYTES = 8;
/** Each buffer starts on a 16-byte boundary (one f64x2). */
const ALIGN = 2;
const PAGE = 65536;

/**
 * Allocates every buffer an engine needs at once: on `wasm`, all in one WebAssembly memory of
 * exactly the size needed (an instance of the kernels of its own, so memory never grows and
 * the views stay valid); on `js`, plain Float64Arrays.
 */
export function allocate<L extends Layout>(layout: L, mode: KernelMode = 'auto'): Arena<L> {
  const kind = resolveKernelMode(mode);
  const lengths = Object.values(layout).flatMap((v) => (typeof v === 'number' ? [v] : [...v]));
  if (kind === 'js') {
    return { buffers: carve(layout, (len) => new Float64Array(len)), kernels: jsKernels };
  }
  const floats = lengths.reduce((s, len) => s + Math.ceil(len / ALIGN) * ALIGN, 0);
  const memory = new WebAssembly.Memory({
    initial: Math.max(1, Math.ceil((floats * BYTES) / PAGE)),
  });
  const kernels = wasmKernels(gemmInstance(gemmModule()!, memory), memory);
  let offset = 0;
  const buffers = carve(layout, (len) => {
    const view = new Float64Array(memory.buffer, offset * BYTES, len);
    offset += Math.ceil(len / ALIGN) * ALIGN;
    return view;
  });
  return { buffers, kernels };
}

function carve<L extends Layout>(layout: L, make: (len: number) => Float64Array): Buffers<L> {
  const out: Record<string, Float64Array | Float64Array[]> = {};
  for (const [name, v] of Object.entries(layout)) {
    out[name] = typeof v === 'number' ? make(v) : v.map(make);
  }
  return out as Buffers<L>;
}
