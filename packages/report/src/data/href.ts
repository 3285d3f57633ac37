/** Join the site base (e.g. `/ansatz/` or `/`) and a site path, so every link works under a sub-path. */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export const NAV: { path: string; label: string }[] = [
  { path: '', label: 'Overview' },
  { path: 'alignment/', label: 'Alignment exponent' },
  { path: 'convergence/', label: 'Convergence' },
  { path: 'optimizers/', label: 'Optimizers' },
  { path: 'counterexamples/', label: 'Counterexamples' },
  { path: 'runs/', label: 'Runs' },
];
