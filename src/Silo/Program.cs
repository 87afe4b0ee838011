using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OrleansSweep.Grains.Hosting;

// Flags map onto the options sections so every setting has one name in config files, environment and command line.
var switches = new Dictionary<string, string>
{
    ["--data"] = $"{SweepSiloOptions.SectionName}:DataDirectory",
    ["--silo-port"] = $"{SweepSiloOptions.SectionName}:SiloPort",
    ["--gateway-port"] = $"{SweepSiloOptions.SectionName}:GatewayPort",
    ["--redis"] = $"{SweepSiloOptions.SectionName}:Redis",
    ["--cluster-id"] = $"{SweepSiloOptions.SectionName}:ClusterId",
    ["--address"] = $"{SweepSiloOptions.SectionName}:Address",
    ["--reminder-period"] = $"{FailoverOptions.SectionName}:ReminderPeriod",
    ["--reminder-refresh"] = $"{FailoverOptions.SectionName}:ReminderRefreshPeriod",
    ["--probe-timeout"] = $"{FailoverOptions.SectionName}:ProbeTimeout",
    ["--missed-probes"] = $"{FailoverOptions.SectionName}:MissedProbesLimit",
    ["--checkpoints"] = $"{ComputeOptions.SectionName}:CheckpointDirectory",
    ["--threads"] = $"{ComputeOptions.SectionName}:IntraOpThreads",
    ["--device"] = $"{ComputeOptions.SectionName}:Device",
};
// A mistyped flag would otherwise become a setting nothing reads (a silo meant for Redis running embedded, say).
if (args.FirstOrDefault(a => a.StartsWith("--") && !switches.ContainsKey(a.Split('=')[0])) is { } unknown)
{
    Console.Error.WriteLine($"unknown option {unknown}; the silo takes {string.Join(", ", switches.Keys)}.");
    return 2;
}
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
