using OrleansSweep.Client.Commands;

namespace OrleansSweep.Client;

/// <summary>The client's commands, printing to <paramref name="console"/>; Program runs it on the terminal, tests on a TestConsole.</summary>
public static class CommandTree
{
    public static RootCommand Create(IAnsiConsole console) => new("OrleansSweep: sweeps of small GPTs that measure the softmax bottleneck.")
    {
        DemoCommand.Create(console),
        LaunchCommand.Create(console),
        StatusCommand.Create(console),
        ResultsCommand.Create(console),
        ListCommand.Create(console),
        RetryCommand.Create(console),
        SweepControlCommand.Pause(console),
        SweepControlCommand.Resume(console),
        SweepControlCommand.Cancel(console),
        MaxConcurrentCommand.Create(console),
        BenchCommand.Create(console),
        DataCommand.Create(console),
        NgramRankCommand.Create(console),
        ProbeCommand.Create(console),
        ReportCommand.Create(console),
        ExperimentCommand.Create(console),
    };
}
