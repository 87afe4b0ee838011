using OrleansSweep.Client;

var console = AnsiConsole.Console;
return await CommandRunner.InvokeAsync(CommandTree.Create(console), args, console);
