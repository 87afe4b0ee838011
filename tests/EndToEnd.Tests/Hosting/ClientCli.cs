using OrleansSweep.Client;
using Spectre.Console.Testing;

namespace OrleansSweep.EndToEnd.Tests.Hosting;

/// <summary>Runs the client's commands in this process, as `sweep …` would, and captures what they print.</summary>
public static class ClientCli
{
    /// <summary>The exit code, what the command printed to its console, and what anything else printed to the process's.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Stray)
    {
        public JsonElement Json() => JsonDocument.Parse(Output).RootElement;

        public override string ToString() => $"exit {ExitCode}: {Output}{(Stray.Length > 0 ? $"{Environment.NewLine}stray: {Stray}" : "")}";
    }

    private static readonly SemaphoreSlim ProcessConsole = new(1, 1);

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public static async Task<Outcome> RunAsync(CancellationToken cancellation, params string[] args)
    {
        // Wide enough that no sentence wraps: one printed line is one line of output.
        var console = new TestConsole().Width(1000);
        // Loggers write to the process's console, not the injected one; a user would see that too, so catch it.
        await ProcessConsole.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var stray = new StringWriter();
        Console.SetOut(stray);
        Console.SetError(stray);
        try
        {
            var exitCode = await CommandRunner.InvokeAsync(CommandTree.Create(console), args, console, cancellation);
            return new Outcome(exitCode, console.Output, stray.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            ProcessConsole.Release();
        }
    }
}
