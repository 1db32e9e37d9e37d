using Cwf.Cli;

// Compile on a thread with a large stack: expression depth is bounded by the front ends, but
// generous headroom keeps deep yet valid inputs from ever overflowing.
const int StackSize = 256 * 1024 * 1024;
int exitCode = 0;
var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
var thread = new Thread(() => exitCode = new CliApp(stdout, stderr, errorIsTerminal: !Console.IsErrorRedirected).Run(args), StackSize);
thread.Start();
thread.Join();
stdout.Flush();
return exitCode;
