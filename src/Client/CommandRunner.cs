using OrleansSweep.Compute.Training;

namespace OrleansSweep.Client;

/// <summary>
/// Runs a parsed command; errors a user can cause print one sentence and exit 2, Ctrl+C prints one line and exits 130
/// (the shell's convention for SIGINT), never a stack trace.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, IAnsiConsole console, CancellationToken cancellation = default)
    {
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation);
        }
        catch (Exception e) when (UserError(e) is { } message)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("interrupted: a sweep on a cluster trains on; the demo's runs stop at a checkpoint and resume when it runs again.");
            return 130;
        }
    }

    private static string? UserError(Exception e) => e switch
    {
        ArgumentException or FileNotFoundException or DirectoryNotFoundException or Data.CorpusFetchException
            or CorruptCheckpointException or Views.SweepPausedException => e.Message,
        AggregateException { InnerExceptions.Count: 1 } a => UserError(a.InnerException!),
        _ => null,
    };
}
