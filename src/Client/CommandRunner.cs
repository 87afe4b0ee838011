using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using OrleansSweep.Compute.Training;

namespace OrleansSweep.Client;

/// <summary>
/// Runs a parsed command; errors a user can cause print one sentence and exit 2, Ctrl+C prints one line and exits 130
/// (the shell's convention for SIGINT), never a stack trace. A bad option is such an error whether parsing finds it (a
/// validator, a required option, a value not among those accepted) or the command does (see <see cref="Commands.CommonOptions"/>).
/// </summary>
public static class CommandRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, IAnsiConsole console, CancellationToken cancellation = default)
    {
        var parse = root.Parse(args);
        // System.CommandLine would print a bad option's error with the whole help and exit 1. A command group given no command
        // (`sweep`, `sweep bench`) still gets that help: it lists the commands to choose from.
        if (parse.Action is ParseErrorAction && parse.CommandResult.Command.Action is not null)
        {
            foreach (var error in parse.Errors) console.MarkupLineInterpolated($"[red]error:[/] {OneLine(error)}");
            return 2;
        }
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

    // System.CommandLine lists accepted values one per line and does not always say which option it means.
    private static string OneLine(ParseError error)
    {
        var message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        return option is null || message.Contains(option.Name, StringComparison.Ordinal) ? message : $"{option.Name}: {message}";
    }

    private static string? UserError(Exception e) => e switch
    {
        ArgumentException or FileNotFoundException or DirectoryNotFoundException or Data.CorpusFetchException
            or CorruptCheckpointException or Views.SweepPausedException or Connection.ClusterTimeoutException => e.Message,
        AggregateException { InnerExceptions.Count: 1 } a => UserError(a.InnerException!),
        _ => null,
    };
}
