using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrleansSweep.Grains.Storage;

/// <summary>Registers the embedded LiteDB store, grain storage and reminder table on a silo.</summary>
public static class LiteDbSiloBuilderExtensions
{
    /// <summary>Uses LiteDB as the storage for grain state that names no provider.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Overrides the <c>LiteDb</c> configuration section; shared by every LiteDB provider of the silo.</param>
    public static ISiloBuilder AddLiteDbGrainStorageAsDefault(this ISiloBuilder builder, Action<LiteDbStorageOptions>? configure = null) =>
        builder.AddLiteDbGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds a LiteDB grain storage provider named <paramref name="name"/>, for <c>[PersistentState(stateName, name)]</c>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name; documents of different providers never collide.</param>
    /// <param name="configure">Overrides the <c>LiteDb</c> configuration section; shared by every LiteDB provider of the silo.</param>
    /// <remarks>
    /// State is serialized by the keyed <see cref="IGrainStorageSerializer"/> registered under <paramref name="name"/>, which defaults
    /// to Orleans' binary serializer (state types use <c>[GenerateSerializer]</c>), not the silo-wide default, which is JSON.
    /// </remarks>
    public static ISiloBuilder AddLiteDbGrainStorage(this ISiloBuilder builder, string name, Action<LiteDbStorageOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.AddLiteDbStore(configure);
        builder.Services.TryAddKeyedSingleton<IGrainStorageSerializer>(
            name,
            (services, _) => new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        builder.Services.AddGrainStorage(name, (services, providerName) => new LiteDbGrainStorage(
            providerName,
            services.GetRequiredService<LiteDbStore>(),
            services.GetRequiredKeyedService<IGrainStorageSerializer>(providerName),
            services.GetRequiredService<IActivatorProvider>()));
        return builder;
    }

    /// <summary>Adds the reminder service with its table in LiteDB, so reminders outlive the silo that registered them.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Overrides the <c>LiteDb</c> configuration section; shared by every LiteDB provider of the silo.</param>
    /// <remarks>As Orleans' own reminder providers do, the last <see cref="IReminderTable"/> registered wins.</remarks>
    public static ISiloBuilder AddLiteDbReminders(this ISiloBuilder builder, Action<LiteDbStorageOptions>? configure = null)
    {
        builder.AddLiteDbStore(configure);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable, LiteDbReminderTable>();
        return builder;
    }

    /// <summary>Adds the silo's one <see cref="LiteDbStore"/>, configured from the <c>LiteDb</c> section and validated at start.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Overrides the <c>LiteDb</c> configuration section.</param>
    /// <remarks>Safe to call more than once: the store is registered once and each <paramref name="configure"/> applies in order.</remarks>
    public static ISiloBuilder AddLiteDbStore(this ISiloBuilder builder, Action<LiteDbStorageOptions>? configure = null)
    {
        var services = builder.Services;
        if (!services.Any(service => service.ServiceType == typeof(LiteDbStore)))
        {
            services.AddOptions<LiteDbStorageOptions>()
                .BindConfiguration(LiteDbStorageOptions.SectionName)
                .Validate(
                    options => !string.IsNullOrWhiteSpace(options.DataDirectory),
                    $"{LiteDbStorageOptions.SectionName}:{nameof(LiteDbStorageOptions.DataDirectory)} is empty; set it to the directory that should hold {LiteDbStorageOptions.FileName}.")
                .ValidateOnStart();
            services.AddSingleton<LiteDbStore>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<LiteDbStore>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }
}
