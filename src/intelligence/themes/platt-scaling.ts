/**
 * Platt scaling: fits probability = σ(a·z + b) to raw scores z and 0/1 outcomes by Newton's
 * method on the log-loss, with Platt's smoothed targets so a class seen a handful of times does
 * not get probabilities of exactly 0 or 1 (Platt 1999; Lin, Lin & Weng 2007).
 */
export function fitPlatt(scores: ArrayLike<number>, outcomes: ArrayLike<boolean>): { a: number; b: number } {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (outcomes[i]) positives++;
  const negatives = n - positives;
  // Too few of either outcome to fit two parameters: keep the raw logistic output.
  if (positives < 3 || negatives < 3) return { a: 1, b: 0 };
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const target = (i: number) => (outcomes[i] ? hi : lo);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(a * scores[i]! + b)));
      sum -= target(i) * Math.log(p) + (1 - target(i)) * Math.log(1 - p);
    }
    return sum;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let gA = 0, gB = 0, hAA = 1e-12, hAB = 0, hBB = 1e-12;
    for (let i = 0; i < n; i++) {
      const z = scores[i]!;
      const p = sigmoid(a * z + b);
      const d = p - target(i);
      const w = p * (1 - p);
      gA += d * z; gB += d;
      hAA += w * z * z; hAB += w * z; hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-18) break;
    const stepA = (hBB * gA - hAB * gB) / det;
    const stepB = (hAA * gB - hAB * gA) / det;
    // Backtrack: a full Newton step can overshoot on nearly separable scores.
    let scale = 1;
    let next = loss(a - stepA, b - stepB);
    while (next > current && scale > 1e-6) {
      scale /= 2;
      next = loss(a - scale * stepA, b - scale * stepB);
    }
    if (next > current) break;
    a -= scale * stepA; b -= scale * stepB;
    const improved = current - next;
    current = next;
    if (improved < 1e-10 * Math.max(1, current)) break;
  }
  return Number.isFinite(a) && Number.isFinite(b) ? { a, b } : { a: 1, b: 0 };
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
