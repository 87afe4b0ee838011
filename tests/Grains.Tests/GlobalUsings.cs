global using Orleans;
global using OrleansSweep.Abstractions;
global using Xunit;
global using OrleansSweep.Tests;
