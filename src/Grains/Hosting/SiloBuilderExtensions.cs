using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Everything a silo needs to run sweeps; the Silo host and the client's in-process demo both call this.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// The embedded default: one silo on 127.0.0.1, grain state and reminders in one LiteDB file under Silo:DataDirectory, checkpoints
    /// beside it. Bad settings fail here, before anything starts, with one sentence naming the setting.
    /// </summary>
    public static ISiloBuilder AddOrleansSweep(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(SweepSiloOptions.SectionName).Get<SweepSiloOptions>() ?? new SweepSiloOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        LoopbackPorts.EnsureFree(options.SiloPort, "--silo-port");
        LoopbackPorts.EnsureFree(options.GatewayPort, "--gateway-port");
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
        return silo.AddSweepServices(options.DataDirectory, configuration);
    }

    /// <summary>
    /// Storage, corpora and compute for sweeps, without clustering (which the host, or a test cluster, chooses): grain state and
    /// reminders in LiteDB under <paramref name="dataDirectory"/>, checkpoints beside it unless the Compute section says otherwise.
    /// </summary>
    public static ISiloBuilder AddSweepServices(this ISiloBuilder silo, string dataDirectory, IConfiguration configuration)
    {
        silo.AddLiteDbGrainStorageAsDefault(o => o.DataDirectory = dataDirectory);
        silo.AddLiteDbReminders(o => o.DataDirectory = dataDirectory);
        silo.Services.AddSingleton(new CorpusCatalog(dataDirectory));
        silo.Services.AddOptions<ComputeOptions>()
            .Configure(o => o.CheckpointDirectory = Path.Combine(dataDirectory, "checkpoints"))
            .Bind(configuration.GetSection(ComputeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddHostedService<ComputeSetup>();
        return silo;
    }
}
