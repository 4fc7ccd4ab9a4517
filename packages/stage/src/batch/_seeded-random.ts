/**
 * A seeded pseudo-random generator (sfc32, its state filled by splitmix32
 * from the seed): the same seed gives the same numbers on every platform
 * and runtime. Returns floats in [0, 1).
 *
 * @param seed a safe non-negative integer
 */
export function seededRandom(seed: number): () => number {
  let s = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
