/**
 * Measuring helpers for the benchmark: run a command while sampling its process tree's memory
 * and timing the phases its log announces, and size up a built site.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The outcome of one measured command. */
export interface RunResult {
  status: number | null;
  seconds: number;
  /** Peak of the summed resident memory of the process and its children, in MiB. */
  peakRssMiB: number;
  /**
   * The same peak per phase: index 0 is before the first marker, index i after the i-th marker,
   * so a memory target can be traced to the step that sets it.
   */
  phasePeakRssMiB: number[];
  /**
   * CPU seconds (user + system) of the process tree, sampled: steadier than wall time on a VM
   * whose disk slows down under heavy writes, so changes can be compared between runs.
   */
  cpuSeconds: number;
  /** Seconds from start at which each phase marker was first printed. */
  marks: Record<string, number>;
  output: string;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Resident memory (KiB) and CPU time (s) of a process and its descendants, including finished
 * children it waited for. /proc is listed once per sample (not once per process of the tree), to
 * keep the sampler's own CPU use away from the build it measures.
 */
function sampleTree(pid: number): { rssKiB: number; cpuSeconds: number } {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name: ppid is the 2nd; utime, stime, cutime, cstime the 12th to 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
      stats.set(Number(name), { ppid: Number(fields[1]), ticks });
    } catch {
      // The process ended between listing and reading.
    }
  }
  let rssKiB = 0;
  let ticks = 0;
  const tree = new Set([pid]);
  // Parents are listed before their children often but not always: repeat until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, { ppid }] of stats) {
      if (tree.has(ppid) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  for (const member of tree) {
    ticks += stats.get(member)?.ticks ?? 0;
    try {
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended since the listing.
    }
  }
  return { rssKiB, cpuSeconds: ticks / TICKS_PER_SECOND };
}

/**
 * Runs a command, sampling the memory of its whole process tree every 50 ms (Pagefind runs as
 * a child process, so the parent's own peak would undercount) and noting when log lines matching
 * `markers` appear, in the order given.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; markers?: readonly (readonly [string, RegExp])[] },
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const marks: Record<string, number> = {};
    // Markers are matched in order against the text printed since the previous one, never against
    // the whole log again: a 10,000-page build prints a line per page, and rescanning it on every
    // chunk would take CPU from the very build being measured.
    const pending = [...(options.markers ?? [])];
    let unread = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      unread += text;
      for (let next = pending[0]; next; next = pending[0]) {
        const match = next[1].exec(unread);
        if (!match) break;
        marks[next[0]] = (performance.now() - start) / 1000;
        unread = unread.slice(match.index + match[0].length);
        pending.shift();
      }
      if (unread.length > 400) unread = unread.slice(-400);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peak = 0;
    let cpu = 0;
    const phasePeaks = new Array<number>((options.markers?.length ?? 0) + 1).fill(0);
    const timer = setInterval(() => {
      if (!child.pid) return;
      const sample = sampleTree(child.pid);
      peak = Math.max(peak, sample.rssKiB);
      cpu = Math.max(cpu, sample.cpuSeconds);
      const phase = Object.keys(marks).length;
      phasePeaks[phase] = Math.max(phasePeaks[phase] ?? 0, sample.rssKiB);
    }, 50);
    child.on('close', (status) => {
      clearInterval(timer);
      resolvePromise({
        status,
        seconds: (performance.now() - start) / 1000,
        peakRssMiB: peak / 1024,
        phasePeakRssMiB: phasePeaks.map((kib) => kib / 1024),
        cpuSeconds: cpu,
        marks,
        output,
      });
    });
  });
}

/** Every file under a folder with its size. */
export function listSized(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else out.push({ path: relative(dir, path), bytes: stat.size });
    }
  };
  walk(dir);
  return out;
}

/** Size of a file's content gzipped at the default level, as a server would send it. */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content).length;
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
