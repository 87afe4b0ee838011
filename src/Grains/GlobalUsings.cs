global using Orleans;
global using OrleansSweep.Abstractions;
global using OrleansSweep.Grains.Probes;
global using OrleansSweep.Grains.Runs;
global using OrleansSweep.Grains.Sweeps;
global using Orleans.Runtime;
global using TorchSharp;
global using static TorchSharp.torch;
