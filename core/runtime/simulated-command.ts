// What a simulated container "does": just enough of a shell to make workloads behave. A
// container without a command is a server (runs until stopped); `sleep N` waits; `echo`
// prints (expanding $NAME and ${NAME}); `NAME=value` and `NAME=$((NAME+1))` assign;
// `exit N`, `false` and `true` set the exit code; `sh -c` scripts run their statements in
// order; `while true; do ...; done` repeats its body for as long as the container runs (the
// runtime plays it, loop.ts); anything unknown succeeds at once.

/** A `while true` body, with the variables the script set before it. */
export interface ShellLoop {
  body: Statement[];
  vars: Map<string, string>;
}

export type SimulatedBehaviour =
  | { kind: 'forever'; output: string[]; loop?: ShellLoop }
  | { kind: 'exit'; exitCode: number; afterMs: number; output: string[] };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const DURATION = /^(\d+(?:\.\d+)?)([smhd]?)$/;
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Splits a shell line into words, honouring single and double quotes and backslashes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export interface Statement {
  /** How it is joined to the statement before: `;`, `&&` or `||`. */
  after: ';' | '&&' | '||';
  words: string[];
}

/** Splits a script at `;`, newlines, `&&` and `||` outside quotes. */
function statements(script: string): Statement[] {
  const out: Statement[] = [];
  let current = '';
  let after: Statement['after'] = ';';
  let quote: string | undefined;
  const flush = (next: Statement['after']) => {
    const words = shellWords(current);
    if (words.length) out.push({ after, words });
    current = '';
    after = next;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    const two = script.slice(i, i + 2);
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (two === '&&' || two === '||') {
      flush(two);
      i++;
    } else if (ch === ';' || ch === '\n') {
      flush(';');
    } else {
      current += ch;
    }
  }
  flush(';');
  return out;
}

export function durationMs(arg: string | undefined): number | 'forever' {
  if (arg === 'infinity') return 'forever';
  const m = DURATION.exec(arg ?? '');
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : 0;
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The behaviour of a container started with command and args (the image's defaults when both are empty). */
export function simulateCommand(command: string[] | undefined, args: string[] | undefined): SimulatedBehaviour {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) return { kind: 'forever', output: [] };
  const dashC = argv.indexOf('-c');
  if (SHELLS.has(basename(argv[0]!)) && dashC > 0) return runScript(statements(argv[dashC + 1] ?? ''));
  if (SHELLS.has(basename(argv[0]!)) && argv.length === 1) return { kind: 'exit', exitCode: 0, afterMs: 0, output: [] };
  return runScript([{ after: ';', words: argv }]);
}

const VAR = /\$(?:\{(\w+)\}|(\w+))/g;
const ASSIGN = /^([A-Za-z_]\w*)=(.*)$/s;
const ARITH = /^\$\(\((.*)\)\)$/s;

/** $NAME and ${NAME} replaced by their values (unset: empty), as the shell expands a word. */
export function expand(word: string, vars: Map<string, string>): string {
  return word.replace(VAR, (_m, braced: string | undefined, bare: string | undefined) => vars.get((braced ?? bare)!) ?? '');
}

/** `NAME=value` or `NAME=$((a+b-1))` (integer sums only), applied to vars; false when word is no assignment. */
export function assign(word: string, vars: Map<string, string>): boolean {
  const m = ASSIGN.exec(word);
  if (!m) return false;
  const arith = ARITH.exec(m[2]!);
  if (!arith) {
    vars.set(m[1]!, expand(m[2]!, vars));
    return true;
  }
  let sum = 0;
  for (const term of arith[1]!.replace(/\s+/g, '').match(/[+-]?[^+-]+/g) ?? []) {
    const sign = term.startsWith('-') ? -1 : 1;
    const name = term.replace(/^[+-]/, '').replace(/^\$/, '');
    const value = /^\d+$/.test(name) ? Number(name) : Number(vars.get(name) ?? 0) || 0;
    sum += sign * value;
  }
  vars.set(m[1]!, String(sum));
  return true;
}

/** The statements between `do` and the matching `done` (the `do` word dropped). */
function loopBody(script: Statement[], from: number): Statement[] {
  const body: Statement[] = [];
  for (const st of script.slice(from)) {
    if (st.words[0] === 'done') break;
    const words = st.words[0] === 'do' ? st.words.slice(1) : st.words;
    if (words.length) body.push({ after: st.after, words });
  }
  return body;
}

function runScript(script: Statement[]): SimulatedBehaviour {
  const output: string[] = [];
  const vars = new Map<string, string>();
  let status = 0;
  let afterMs = 0;
  for (const [i, { after, words }] of script.entries()) {
    if ((after === '&&' && status !== 0) || (after === '||' && status === 0)) continue;
    const [cmd, ...rest] = [basename(words[0]!), ...words.slice(1)];
    // Loops that never end and programs that wait forever keep the container running.
    if (cmd === 'while' && (rest[0] === 'true' || rest[0] === ':')) {
      const inline = rest.slice(1);
      const body = loopBody([...(inline.length ? [{ after: ';' as const, words: inline }] : []), ...script.slice(i + 1)], 0);
      return { kind: 'forever', output, loop: body.length ? { body, vars } : undefined };
    }
    if (cmd === 'tail' && rest.includes('-f')) return { kind: 'forever', output };
    if (words.length === 1 && assign(words[0]!, vars)) {
      status = 0;
      continue;
    }
    switch (cmd) {
      case 'sleep': {
        const ms = durationMs(rest[0]);
        if (ms === 'forever') return { kind: 'forever', output };
        afterMs += ms;
        status = 0;
        break;
      }
      case 'echo':
        output.push(echoLine(rest, vars));
        status = 0;
        break;
      case 'false':
        status = 1;
        break;
      case 'exit':
        return { kind: 'exit', exitCode: rest[0] === undefined ? status : Number(rest[0]) & 255, afterMs, output };
      default:
        status = 0; // true, :, date and anything the simulation does not know succeed
    }
  }
  return { kind: 'exit', exitCode: status, afterMs, output };
}

/** What `echo ARGS` prints, variables expanded. */
export function echoLine(args: string[], vars: Map<string, string>): string {
  return (args[0] === '-n' ? args.slice(1) : args).map((w) => expand(w, vars)).join(' ');
}
