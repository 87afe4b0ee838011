using OrleansSweep.Client.Commands;

var console = AnsiConsole.Console;
var root = new RootCommand("OrleansSweep: sweeps of small GPTs that measure the softmax bottleneck.")
{
    DemoCommand.Create(console),
    LaunchCommand.Create(console),
    StatusCommand.Create(console),
    ResultsCommand.Create(console),
    BenchCommand.Create(console),
};
return await OrleansSweep.Client.CommandRunner.InvokeAsync(root, args, console);
