/**
 * What the permission model of the Node that runs the grader (and, being the same binary, its
 * children) offers, asked of that Node rather than guessed from its version number:
 * `process.allowedNodeEnvironmentFlags` lists every option it accepts.
 *
 * - The switch: `--permission` (Node 22.13 / 23.5 on), `--experimental-permission` before that
 *   (Node 20.0 – 22.12). Node 24 and 26 refuse the old spelling ("bad option").
 * - The network: from Node 25 the model refuses every connection unless `--allow-net` is given;
 *   a Node that has no `--allow-net` option does not contain the network at all.
 * - `--disable-warning` (Node 20.11 / 21.3 on) silences the model's ExperimentalWarning.
 * - WASI is covered where `--allow-wasi` exists (Node 20.16 / 22.3 on).
 */
export interface NodePermission {
  /** The option that turns the permission model on. */
  flag: '--permission' | '--experimental-permission';
  /** Whether the model denies network access (there is an `--allow-net` we leave out). */
  containsNetwork: boolean;
  /** Whether `--disable-warning=ExperimentalWarning` is accepted. */
  disableWarning: boolean;
  /** Whether the model denies WASI (there is an `--allow-wasi` we leave out). */
  containsWasi: boolean;
}

/** The running Node's permission model, or null when it has none (Node < 20). */
export function nodePermission(flags: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): NodePermission | null {
  const flag = flags.has('--permission') ? '--permission' : flags.has('--experimental-permission') ? '--experimental-permission' : null;
  if (!flag) return null;
  return { flag, containsNetwork: flags.has('--allow-net'), disableWarning: flags.has('--disable-warning'), containsWasi: flags.has('--allow-wasi') };
}
