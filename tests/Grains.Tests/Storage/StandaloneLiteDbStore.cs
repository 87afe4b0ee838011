using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Grains.Tests.Storage;

/// <summary>A <see cref="LiteDbStore"/> opened and closed through a silo lifecycle of its own, for tests that need no silo.</summary>
public sealed class StandaloneLiteDbStore : IAsyncDisposable
{
    private readonly SiloLifecycleSubject _lifecycle = new(NullLogger<SiloLifecycleSubject>.Instance);

    private StandaloneLiteDbStore(string dataDirectory)
    {
        Store = new LiteDbStore(Options.Create(new LiteDbStorageOptions { DataDirectory = dataDirectory }), NullLogger<LiteDbStore>.Instance);
        Store.Participate(_lifecycle);
    }

    public LiteDbStore Store { get; }

    /// <summary>Opens the store's file under <paramref name="dataDirectory"/> as a starting silo would.</summary>
    public static async Task<StandaloneLiteDbStore> OpenAsync(string dataDirectory, CancellationToken cancellation)
    {
        var opened = new StandaloneLiteDbStore(dataDirectory);
        await opened._lifecycle.OnStart(cancellation);
        return opened;
    }

    /// <summary>Closes the file as a stopping silo would.</summary>
    public async ValueTask DisposeAsync() => await _lifecycle.OnStop(CancellationToken.None);
}
