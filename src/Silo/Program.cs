using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Grains.Hosting;

// Flags map onto the options sections so every setting has one name in config files, environment and command line.
var switches = new Dictionary<string, string>
{
    ["--data"] = $"{SweepSiloOptions.SectionName}:DataDirectory",
    ["--silo-port"] = $"{SweepSiloOptions.SectionName}:SiloPort",
    ["--gateway-port"] = $"{SweepSiloOptions.SectionName}:GatewayPort",
    ["--checkpoints"] = $"{ComputeOptions.SectionName}:CheckpointDirectory",
    ["--threads"] = $"{ComputeOptions.SectionName}:IntraOpThreads",
    ["--device"] = $"{ComputeOptions.SectionName}:Device",
};
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddCommandLine(args, switches);
try
{
    builder.UseOrleans(silo => silo.AddOrleansSweep(builder.Configuration));
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (Exception e) when (HostStartupErrors.Describe(e) is { } message)
{
    Console.Error.WriteLine(message);
    return 2;
}
