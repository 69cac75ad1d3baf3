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
   * CPU seconds (user + system) of the process tree, sampled: steadier than wall time on a VM
   * whose disk slows down under heavy writes, so changes can be compared between runs.
   */
  cpuSeconds: number;
  /** Seconds from start at which each phase marker was first printed. */
  marks: Record<string, number>;
  output: string;
}

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(name));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return kids;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Resident memory (KiB) and CPU time (s) of a process and its descendants, including finished children it waited for. */
function sampleTree(pid: number): { rssKiB: number; cpuSeconds: number } {
  let rssKiB = 0;
  let ticks = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
      // Fields after the command name: utime, stime, cutime, cstime are the 12th to 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    } catch {
      continue;
    }
    stack.push(...childrenOf(current));
  }
  return { rssKiB, cpuSeconds: ticks / TICKS_PER_SECOND };
}

/**
 * Runs a command, sampling the memory of its whole process tree every 50 ms (Pagefind runs as
 * a child process, so the parent's own peak would undercount) and noting when log lines matching
 * `markers` first appear.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; markers?: Record<string, RegExp> },
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
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const [name, pattern] of Object.entries(options.markers ?? {})) {
        if (!(name in marks) && pattern.test(output)) marks[name] = (performance.now() - start) / 1000;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let peak = 0;
    let cpu = 0;
    const timer = setInterval(() => {
      if (!child.pid) return;
      const sample = sampleTree(child.pid);
      peak = Math.max(peak, sample.rssKiB);
      cpu = Math.max(cpu, sample.cpuSeconds);
    }, 50);
    child.on('close', (status) => {
      clearInterval(timer);
      resolvePromise({
        status,
        seconds: (performance.now() - start) / 1000,
        peakRssMiB: peak / 1024,
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
