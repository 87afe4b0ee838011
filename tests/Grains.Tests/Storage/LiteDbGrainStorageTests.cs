using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansSweep.Grains.Storage;

namespace OrleansSweep.Grains.Tests.Storage;

public sealed class LiteDbGrainStorageTests : IDisposable
{
    private const int TestTimeoutMs = 180_000;
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = TestTimeoutMs)]
    public async Task StateWrittenByGrainsSurvivesRestartingTheWholeCluster()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // Two silos share the file, so several grains are likely spread over both.
        var first = await LiteDbTestCluster.StartAsync(_data.Path, cancellation, silos: 2);
        try
        {
            foreach (var run in Enumerable.Range(0, 6))
            {
                var counter = first.Client.GetGrain<IStepCounterGrain>($"run-{run}");
                await counter.RecordStepsAsync(run, "warmup");
                await counter.RecordStepsAsync(100, $"ckpt-{run}");
            }
        }
        finally
        {
            await first.StopAsync(cancellation);
        }

        AssertFileReleased();

        var second = await LiteDbTestCluster.StartAsync(_data.Path, cancellation);
        try
        {
            foreach (var run in Enumerable.Range(0, 6))
            {
                var stored = await second.Client.GetGrain<IStepCounterGrain>($"run-{run}").ReadStoredAsync();
                Assert.True(stored.RecordExists);
                Assert.Equal(new StepCounterState { Steps = run + 100, LastCheckpoint = $"ckpt-{run}" }, stored.State);
            }
        }
        finally
        {
            await second.StopAsync(cancellation);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task WriteWithAStaleETagRaisesInconsistentStateException()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var cluster = await LiteDbTestCluster.StartAsync(_data.Path, cancellation);
        try
        {
            var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            var grainId = GrainId.Create("step-counter", "contested");
            var winner = new GrainState<StepCounterState>();
            var loser = new GrainState<StepCounterState>();

            // Both copies start from no record; the first write wins and the second must not overwrite it.
            await storage.ReadStateAsync("steps", grainId, winner);
            await storage.ReadStateAsync("steps", grainId, loser);
            winner.State = new StepCounterState { Steps = 1, LastCheckpoint = "winner" };
            await storage.WriteStateAsync("steps", grainId, winner);
            loser.State = new StepCounterState { Steps = 2, LastCheckpoint = "loser" };
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("steps", grainId, loser));

            // Both copies now read the same record; again only the first write may land, and a stale clear is refused too.
            await storage.ReadStateAsync("steps", grainId, loser);
            Assert.Equal(winner.ETag, loser.ETag);
            var etagBeforeWrite = winner.ETag;
            winner.State = winner.State with { Steps = 3 };
            await storage.WriteStateAsync("steps", grainId, winner);
            Assert.NotEqual(etagBeforeWrite, winner.ETag);
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("steps", grainId, loser));
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("steps", grainId, loser));

            var fresh = new GrainState<StepCounterState>();
            await storage.ReadStateAsync("steps", grainId, fresh);
            Assert.Equal(new StepCounterState { Steps = 3, LastCheckpoint = "winner" }, fresh.State);
            Assert.Equal(winner.ETag, fresh.ETag);
        }
        finally
        {
            await cluster.StopAsync(cancellation);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task ClearedStateReadsBackAsNoRecordAndDefaultState()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var cluster = await LiteDbTestCluster.StartAsync(_data.Path, cancellation);
        try
        {
            var counter = cluster.Client.GetGrain<IStepCounterGrain>("cleared");
            await counter.RecordStepsAsync(42, "ckpt-42");
            Assert.True((await counter.ReadStoredAsync()).RecordExists);

            await counter.ClearAsync();
            // A new activation reads only what storage holds.
            await cluster.DeactivateAsync(counter).WaitAsync(LiteDbTestCluster.Patience, cancellation);

            var stored = await counter.ReadStoredAsync();
            Assert.False(stored.RecordExists);
            Assert.Equal(new StepCounterState(), stored.State);
        }
        finally
        {
            await cluster.StopAsync(cancellation);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task DataDirectoryUnderARegularFileFailsSiloStartNamingThePath()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var blocker = Path.Combine(_data.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "a regular file", cancellation);
        var dataDirectory = Path.Combine(blocker, "sweep-data");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiteDbTestCluster.StartAsync(dataDirectory, cancellation));

        var configurationError = Assert.Single(Chain(failure).OfType<OrleansConfigurationException>());
        Assert.Contains($"'{Path.GetFullPath(dataDirectory)}'", configurationError.Message);
        Assert.Contains("LiteDb:DataDirectory", configurationError.Message);
        Assert.DoesNotContain('\n', configurationError.Message);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task EmptyDataDirectoryFailsSiloStartNamingTheSetting()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiteDbTestCluster.StartAsync(" ", cancellation));

        var validationError = Assert.Single(Chain(failure).OfType<OptionsValidationException>());
        Assert.StartsWith("LiteDb:DataDirectory is empty;", validationError.Message);
    }

    private void AssertFileReleased()
    {
        // The store holds this lock while the file is open, so taking it proves every silo closed the database.
        var lockPath = Path.Combine(_data.Path, LiteDbStorageOptions.FileName + ".lock");
        using var exclusive = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
