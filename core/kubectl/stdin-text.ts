/** All of stdin as text: for `-f -` and `set env -`, read from the command's own stdin stream. */
export function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    stdin.on('data', (c: Buffer | string) => chunks.push(Buffer.from(c)));
    stdin.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    stdin.on('error', fail);
  });
}
