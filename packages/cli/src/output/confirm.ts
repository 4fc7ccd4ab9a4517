import { read } from 'node:fs';
import type { InStream, Io } from '../io.js';

/**
 * Asks a yes/no question on stderr (docs/spec/cli.md 1.6): `<question> (Y/n) ` or
 * `(y/N) `; an empty answer takes the default; `y`, `yes`, `n`, `no` in any
 * case; anything else prints `Please enter Y or N` and asks again. Reads a
 * line from stdin even when it is not a TTY (then a newline is written to
 * stderr after the answer); end of input means no. From the process's stdin
 * (an `fd`) exactly the answer line is read, byte by byte, so whatever
 * follows it is left for the run (`printf 'y\nhello\n' | gage run op`).
 *
 * @param io the terminal
 * @param question the question
 * @param defaultYes the answer for an empty line
 * @example
 * ```ts
 * if (!(await confirm(io, 'Continue?', true))) return 0;
 * ```
 */
export async function confirm(io: Io, question: string, defaultYes: boolean): Promise<boolean> {
  for (;;) {
    io.stderr.write(`${question} ${defaultYes ? '(Y/n)' : '(y/N)'} `);
    const line = await readLine(io.stdin);
    if (io.stdin.isTTY !== true) io.stderr.write('\n');
    if (line === undefined) return false;
    const a = line.trim().toLowerCase();
    if (a === '') return defaultYes;
    if (a === 'y' || a === 'yes') return true;
    if (a === 'n' || a === 'no') return false;
    io.stderr.write('Please enter Y or N\n');
  }
}

interface LineBuffer {
  text: string;
  ended: boolean;
  waiter: (() => void) | undefined;
}

const buffers = new WeakMap<InStream, LineBuffer>();

/** Reads one line (without its newline) from `stream`; `undefined` at end of input. */
async function readLine(stream: InStream): Promise<string | undefined> {
  if (typeof stream.fd === 'number') return readLineFromFd(stream.fd);
  let buf = buffers.get(stream);
  if (!buf) {
    const b: LineBuffer = { text: '', ended: false, waiter: undefined };
    buffers.set(stream, b);
    stream.on('data', (chunk) => {
      b.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      b.waiter?.();
    });
    stream.on('end', () => {
      b.ended = true;
      b.waiter?.();
    });
    buf = b;
  }
  const b = buf;
  for (;;) {
    const nl = b.text.indexOf('\n');
    if (nl >= 0) {
      const line = b.text.slice(0, nl).replace(/\r$/, '');
      b.text = b.text.slice(nl + 1);
      stream.pause();
      return line;
    }
    if (b.ended) {
      const rest = b.text;
      b.text = '';
      return rest === '' ? undefined : rest;
    }
    await new Promise<void>((resolve) => {
      b.waiter = resolve;
      stream.resume();
    });
    b.waiter = undefined;
  }
}

/**
 * Reads one line from a file descriptor one byte at a time: nothing after
 * its LF is consumed (a stream would read ahead a whole chunk, which the
 * run, sharing the descriptor, would then miss). The reads run on the
 * thread pool; a non-blocking descriptor is polled. `undefined` at end of
 * input.
 */
async function readLineFromFd(fd: number): Promise<string | undefined> {
  const bytes: number[] = [];
  const byte = Buffer.alloc(1);
  for (;;) {
    if ((await readByte(fd, byte)) === 0) return bytes.length === 0 ? undefined : decodeLine(bytes);
    if (byte[0] === 0x0a) return decodeLine(bytes);
    bytes.push(byte[0] as number);
  }
}

function readByte(fd: number, byte: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => read(fd, byte, 0, 1, null, (err, n) => {
      if (!err) resolve(n);
      else if (err.code === 'EAGAIN') setTimeout(attempt, 20);
      else if (err.code === 'EOF') resolve(0); // Windows: end of a pipe
      else reject(err);
    });
    attempt();
  });
}

function decodeLine(bytes: number[]): string {
  return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
}
