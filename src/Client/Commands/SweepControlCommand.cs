using OrleansSweep.Client.Connection;
using OrleansSweep.Client.Views;

namespace OrleansSweep.Client.Commands;

/// <summary>`pause`, `resume` and `cancel sweep`: one coordinator call each, then the sweep's status.</summary>
public static class SweepControlCommand
{
    public static Command Pause(IAnsiConsole console) => Create(console, "pause",
        "Pause a sweep: running runs stop at a checkpoint of the step they reached; no run starts until `resume`.", c => c.PauseAsync());

    public static Command Resume(IAnsiConsole console) => Create(console, "resume",
        "Resume a paused sweep: paused runs continue from their checkpoints, then pending ones start within max_concurrent.", c => c.ResumeAsync());

    public static Command Cancel(IAnsiConsole console) => Create(console, "cancel",
        "Cancel a sweep for good: unfinished runs stop; finished runs and every series stay.", c => c.CancelAsync());

    private static Command Create(IAnsiConsole console, string name, string description, Func<ISweepCoordinatorGrain, Task<SweepStatus>> act)
    {
        // Each command gets options of its own: a symbol belongs to one parent.
        var sweep = new Argument<string>("sweep") { Description = "The sweep id (its spec's name)." };
        var cluster = new ClusterTargetOptions();
        var json = CommonOptions.Json();
        var command = new Command(name, description) { sweep, json };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetRequiredValue(sweep);
            await using var connection = await ClusterConnection.ConnectAsync(cluster.Read(parse), cancellation);
            // The coordinator refuses an id with no sweep in one sentence of its own.
            var status = await connection.AskAsync(id, act, cancellation);
            if (parse.GetValue(json)) JsonOutput.Write(console, status);
            else StatusTable.Render(console, status);
        });
        return command;
    }
}
