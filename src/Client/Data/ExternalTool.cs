using System.ComponentModel;
using System.Diagnostics;

namespace OrleansSweep.Client.Data;

/// <summary>Runs a package manager's command line and turns its failures into one sentence.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="program"/> in <paramref name="workingDirectory"/> and returns what it printed to stdout.</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var commandLine = string.Join(' ', [program, .. arguments]);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CorpusFetchException($"`{commandLine}` could not be started.");
        }
        catch (Win32Exception)
        {
            throw new CorpusFetchException($"{program} is not installed or not on PATH; install it to fetch this corpus (needed for `{commandLine}`).");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var errors = process.StandardError.ReadToEndAsync(cancellation);
            try
            {
                await process.WaitForExitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                var reason = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .LastOrDefault(line => !line.StartsWith("W:", StringComparison.Ordinal)) ?? "no message";
                throw new CorpusFetchException($"`{commandLine}` failed with exit code {process.ExitCode}: {reason.TrimEnd('.')}.");
            }

            await errors;
            return await output;
        }
    }
}
