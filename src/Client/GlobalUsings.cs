global using System.CommandLine;
global using Orleans;
global using OrleansSweep.Abstractions;
global using Spectre.Console;
