using System.CommandLine;
using OrleansSweep.Client.Commands;
using Spectre.Console;

var root = new RootCommand("OrleansSweep: sweeps of small GPTs on an Orleans cluster, to study the softmax bottleneck.")
{
    BenchCommand.Create(AnsiConsole.Console),
};
return await root.Parse(args).InvokeAsync();
