/**
 * Publishing a build without ever losing the published one. A build is written into a staging
 * folder beside the output folder, and each folder's name says what state it is in, so that a
 * process killed at any instant leaves enough on disk for the next build to finish or undo its
 * work. Every state change is one rename(2), which is atomic on one file system:
 *
 *   <out>-<pid>.building   Astro is writing it; never published, deleted when its process is gone.
 *   <out>-<pid>.ready      a complete build, about to replace the output folder.
 *   <out>-<pid>.previous   the output folder it replaced, complete (it was moved in one rename).
 *   <…>.trash              to be deleted (the site a build replaced, kept until the next build
 *                          deletes it while Astro runs) or being deleted; never published.
 *
 * The only instant without an output folder is between the two renames of the swap (old → previous,
 * ready → output). A process killed exactly there leaves a `.ready` and a `.previous`, and
 * {@link recoverOutDir}, run at the start of every build, finishes the swap.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The states a staging folder can be in, from its name. */
export type StagingState = 'building' | 'ready' | 'previous' | 'trash';

/** The moments of a publication at which a test may stop the process, in order. */
export type PublishStep = 'ready' | 'between-renames' | 'swapped' | 'trashed';

/** The staging folders of one build process. */
export interface StagingPaths {
  /** The sibling folder that holds every staging folder of the output folder. */
  root: string;
  building: string;
  ready: string;
  previous: string;
}

/** What {@link recoverOutDir} did before a build started. */
export interface Recovery {
  /** Set when the output folder was missing and a complete one left by a killed build was restored. */
  restored?: 'ready' | 'previous';
  /** How many staging folders of builds that are no longer running were deleted. */
  removed: number;
}

/** The staging folders of the build process `pid`, on the same file system as `outDir`. */
export function stagingPaths(outDir: string, pid: number): StagingPaths {
  // A sibling folder, so that publishing is a rename rather than a copy.
  const root = join(dirname(outDir), '.glossa-tmp');
  const stem = join(root, `${basename(outDir)}-${pid}`);
  return { root, building: `${stem}.building`, ready: `${stem}.ready`, previous: `${stem}.previous` };
}

/**
 * Reads a staging folder's name: the build process that made it and its state, or `undefined`
 * for a name that belongs to another output folder or to nothing of ours. Names from before
 * states were named (`<out>-<pid>`, `<out>-<pid>-previous`) count as trash: whether they were
 * complete cannot be told.
 */
export function parseStagingName(
  outName: string,
  name: string,
): { pid: number; state: StagingState } | undefined {
  if (!name.startsWith(`${outName}-`)) return undefined;
  const match = /^(\d+)(?:\.(building|ready|previous)(\.trash)?|(-previous)?)$/.exec(
    name.slice(outName.length + 1),
  );
  if (!match) return undefined;
  const [, pid, state, trash] = match;
  const named = state as 'building' | 'ready' | 'previous' | undefined;
  return { pid: Number(pid), state: named && !trash ? named : 'trash' };
}

/** Whether a process with this id is running (one we may not signal still counts). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Run at the start of every build, before anything else touches the output folder: if the output
 * folder is missing and a build that is no longer running left a complete one, puts it back (the
 * new build first: it finished, and only its swap was interrupted), then deletes every staging
 * folder of builds that are no longer running. Staging folders of running builds are left alone.
 */
export function recoverOutDir(
  outDir: string,
  {
    isAlive = isProcessAlive,
    ownPid = process.pid,
    keepTrash = false,
  }: {
    isAlive?: (pid: number) => boolean;
    ownPid?: number;
    /** Leaves folders already named as trash to {@link deleteTrash}, which deletes them while the build runs. */
    keepTrash?: boolean;
  } = {},
): Recovery {
  const { root } = stagingPaths(outDir, ownPid);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { removed: 0 };
  }
  let leftovers = names
    .map((name) => ({ path: join(root, name), ...parseStagingName(basename(outDir), name) }))
    .filter((entry) => entry.pid !== undefined && entry.pid !== ownPid && !isAlive(entry.pid))
    .filter((entry) => !(keepTrash && entry.state === 'trash'));

  const recovery: Recovery = { removed: 0 };
  if (!pathExists(outDir)) {
    const candidate =
      newest(leftovers.filter((e) => e.state === 'ready')) ??
      newest(leftovers.filter((e) => e.state === 'previous'));
    if (candidate) {
      renameSync(candidate.path, outDir);
      recovery.restored = candidate.state as 'ready' | 'previous';
      leftovers = leftovers.filter((entry) => entry !== candidate);
    }
  }
  for (const entry of leftovers) discard(entry.path);
  recovery.removed = leftovers.length;
  removeIfEmpty(root);
  return recovery;
}

/** Creates the staging root and returns a fresh, empty folder for Astro to build into. */
export function prepareStaging(paths: StagingPaths): string {
  mkdirSync(paths.root, { recursive: true });
  // A folder of the same pid can only be from a long-dead process whose id was reused.
  for (const path of [paths.building, paths.ready, paths.previous]) discard(path);
  // Made now rather than by Astro, so a build killed at any moment leaves a folder to clean up.
  mkdirSync(paths.building);
  return paths.building;
}

/**
 * Swaps a finished build into place: building → ready, output → previous, ready → output, then
 * renames the previous output to trash. `onStep` runs after each step (tests stop the process
 * there). The trash is deleted by the next build while Astro runs ({@link deleteTrash}) rather
 * than here: deleting a 10,000-entry site (30,000 files) took 8.5 s on a busy machine, all of it
 * after the new site was already in place.
 */
export function publishBuild(
  paths: StagingPaths,
  outDir: string,
  onStep: (step: PublishStep) => void = () => {},
): void {
  renameSync(paths.building, paths.ready);
  onStep('ready');
  const hadOutput = pathExists(outDir);
  if (hadOutput) renameSync(outDir, paths.previous);
  onStep('between-renames');
  renameSync(paths.ready, outDir);
  onStep('swapped');
  if (hadOutput) {
    renameSync(paths.previous, `${paths.previous}.trash`);
    onStep('trashed');
  }
  removeIfEmpty(paths.root);
}

/**
 * Deletes the trash that builds no longer running left beside `outDir` (the site each one
 * replaced, or a folder they were deleting), without blocking: the build starts it before Astro
 * and awaits it after. Resolves to how many folders it deleted.
 */
export async function deleteTrash(
  outDir: string,
  {
    isAlive = isProcessAlive,
    ownPid = process.pid,
  }: { isAlive?: (pid: number) => boolean; ownPid?: number } = {},
): Promise<number> {
  const { root } = stagingPaths(outDir, ownPid);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  const trash = names.filter((name) => {
    const parsed = parseStagingName(basename(outDir), name);
    return parsed?.state === 'trash' && parsed.pid !== ownPid && !isAlive(parsed.pid);
  });
  await Promise.all(trash.map((name) => rm(join(root, name), { recursive: true, force: true })));
  return trash.length;
}

/** Deletes a staging folder after first renaming it to trash, so a half-deleted one is never restored. */
export function discard(path: string, afterRename: () => void = () => {}): void {
  if (!pathExists(path)) return;
  const trash = path.endsWith('.trash') ? path : `${path}.trash`;
  if (trash !== path) {
    rmSync(trash, { recursive: true, force: true });
    renameSync(path, trash);
  }
  afterRename();
  rmSync(trash, { recursive: true, force: true });
}

/** Removes the staging root once no build uses it. */
export function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (another build is using it) or already gone: both are fine.
  }
}

function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function newest<T extends { path: string }>(entries: T[]): T | undefined {
  return entries
    .map((entry) => ({ entry, time: statSync(entry.path).mtimeMs }))
    .sort((a, b) => b.time - a.time)[0]?.entry;
}
