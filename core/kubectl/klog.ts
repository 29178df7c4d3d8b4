// A line as klog writes it to stderr (kubectl's warnings and logged errors):
// "W1206 18:19:57.039621    5883 helpers.go:702] message".
export function klog(stderr: NodeJS.WritableStream, severity: 'I' | 'W' | 'E', source: string, message: string): void {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(now.getMilliseconds() * 1000).padStart(6, '0');
  const stamp = `${two(now.getMonth() + 1)}${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}.${micros}`;
  stderr.write(`${severity}${stamp} ${String(process.pid).padStart(7)} ${source}] ${message}\n`);
}
