using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansSweep.Grains.Corpora;
using OrleansSweep.Grains.Placement;
using OrleansSweep.Grains.Storage;
using StackExchange.Redis;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Everything a silo needs to run sweeps; the Silo host and the client's in-process demo both call this.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// The embedded default (one silo on 127.0.0.1, grain state and reminders in one LiteDB file under Silo:DataDirectory) or,
    /// with Silo:Redis, a member of a Redis-backed cluster. Bad settings fail here, before anything starts, with one sentence
    /// naming the setting.
    /// </summary>
    public static ISiloBuilder AddOrleansSweep(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = Validated<SweepSiloOptions>(configuration, SweepSiloOptions.SectionName);
        var failover = Validated<FailoverOptions>(configuration, FailoverOptions.SectionName);
        LoopbackPorts.EnsureFree(options.SiloPort, "--silo-port");
        LoopbackPorts.EnsureFree(options.GatewayPort, "--gateway-port");
        if (string.IsNullOrEmpty(options.Redis))
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ClusterId, clusterId: options.ClusterId);
            silo.AddEmbeddedStorage(options.DataDirectory);
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Parse(options.Address), options.SiloPort, options.GatewayPort);
            silo.AddRedisCluster(options.Redis, options.ClusterId);
        }
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = failover.ProbeTimeout;
            o.NumMissedProbesLimit = failover.MissedProbesLimit;
        });
        return silo.AddSweepCompute(options.DataDirectory, configuration);
    }

    /// <summary>
    /// The embedded default's storage and compute, without clustering (which a test cluster chooses): grain state and reminders
    /// in LiteDB under <paramref name="dataDirectory"/>, checkpoints beside it unless the Compute section says otherwise.
    /// </summary>
    public static ISiloBuilder AddSweepServices(this ISiloBuilder silo, string dataDirectory, IConfiguration configuration) =>
        silo.AddEmbeddedStorage(dataDirectory).AddSweepCompute(dataDirectory, configuration);

    /// <summary>Grain state and reminders in the one LiteDB file under <paramref name="dataDirectory"/>.</summary>
    public static ISiloBuilder AddEmbeddedStorage(this ISiloBuilder silo, string dataDirectory) =>
        silo.AddLiteDbGrainStorageAsDefault(o => o.DataDirectory = dataDirectory).AddLiteDbReminders(o => o.DataDirectory = dataDirectory);

    /// <summary>Clustering, grain state and reminders in Redis at <paramref name="endpoint"/> (host:port), under <paramref name="clusterId"/>.</summary>
    public static ISiloBuilder AddRedisCluster(this ISiloBuilder silo, string endpoint, string clusterId)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConfiguration(endpoint));
        // Orleans' binary serializer, as in the LiteDB store: the default JSON one cannot read back the records' read-only lists.
        silo.AddRedisGrainStorageAsDefault(options => options.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = RedisConfiguration(endpoint);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisConfiguration(endpoint));
        // The strongly consistent directory (experimental in Orleans 10): a dead silo's share is rebuilt from the survivors'
        // activations. The default one deactivated survivors' runs whose entries the dead silo held (docs/RELIABILITY.md).
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ReminderWakeUp>();
        return silo;
    }

    /// <summary>Corpora, compute settings and failover settings for sweeps; checkpoints under <paramref name="dataDirectory"/> unless Compute says otherwise.</summary>
    public static ISiloBuilder AddSweepCompute(this ISiloBuilder silo, string dataDirectory, IConfiguration configuration)
    {
        silo.Services.AddSingleton(new CorpusCatalog(dataDirectory));
        silo.Services.AddOptions<ComputeOptions>()
            .Configure(o => o.CheckpointDirectory = Path.Combine(dataDirectory, "checkpoints"))
            .Bind(configuration.GetSection(ComputeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.AddOptions<FailoverOptions>()
            .Bind(configuration.GetSection(FailoverOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Runs and sweeps keep a reminder each; Orleans' floor (1 min) would make failover wait that long.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<FailoverOptions>>((o, failover) =>
        {
            o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            o.RefreshReminderListPeriod = failover.Value.ReminderRefreshPeriod;
        });
        silo.AddPlacementDirector<SpreadPlacement, SpreadPlacementDirector>();
        silo.Services.AddHostedService<ComputeSetup>();
        return silo;
    }

    /// <summary>A Redis connection that a silo keeps retrying while Redis restarts, instead of failing its start.</summary>
    public static ConfigurationOptions RedisConfiguration(string endpoint)
    {
        var configuration = ConfigurationOptions.Parse(endpoint);
        configuration.AbortOnConnectFail = false;
        return configuration;
    }

    private static T Validated<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        Validator.ValidateObject(options!, new ValidationContext(options!), validateAllProperties: true);
        return options;
    }
}
