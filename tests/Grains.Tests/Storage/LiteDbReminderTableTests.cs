using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansSweep.Grains.Storage;
using OrleansSweep.Grains.Tests.Sweeps;

namespace OrleansSweep.Grains.Tests.Storage;

public sealed class LiteDbReminderTableTests : IDisposable
{
    private const int TestTimeoutMs = 180_000;
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);
    // Generous beside the one-second period: the reminder service loads its table in the background after the silo starts.
    private static readonly TimeSpan TickPatience = TimeSpan.FromSeconds(45);
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = TestTimeoutMs)]
    public async Task UpsertedRowsReadBackByNameAndByGrain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var opened = await StandaloneLiteDbStore.OpenAsync(_data.Path, cancellation);
        var table = new LiteDbReminderTable(opened.Store);
        await table.StartAsync(cancellation);
        var grain = GrainId.Create("tickcounter", "run/with/slashes");
        var other = GrainId.Create("tickcounter", "run");
        var startAt = new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);

        var checkpointETag = await table.UpsertRow(Entry(grain, "checkpoint", startAt, TimeSpan.FromMinutes(5)), cancellation);
        await table.UpsertRow(Entry(grain, "probe", startAt, TimeSpan.FromMinutes(1)), cancellation);
        // Same key text once joined with '/': must stay a row of its own.
        await table.UpsertRow(Entry(other, "with/slashes/checkpoint", startAt, TimeSpan.FromMinutes(2)), cancellation);

        var checkpoint = await table.ReadRow(grain, "checkpoint", cancellation);
        Assert.NotNull(checkpoint);
        Assert.Equal(grain, checkpoint.GrainId);
        Assert.Equal("checkpoint", checkpoint.ReminderName);
        Assert.Equal(startAt, checkpoint.StartAt);
        Assert.Equal(DateTimeKind.Utc, checkpoint.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), checkpoint.Period);
        Assert.Equal(checkpointETag, checkpoint.ETag);
        Assert.Null(await table.ReadRow(grain, "missing", cancellation));

        Assert.Equal(["checkpoint", "probe"], Names(await table.ReadRows(grain, cancellation)));
        Assert.Equal(["with/slashes/checkpoint"], Names(await table.ReadRows(other, cancellation)));

        // Registering again replaces the row and its ETag.
        var replacedETag = await table.UpsertRow(Entry(grain, "checkpoint", startAt, TimeSpan.FromMinutes(7)), cancellation);
        Assert.NotEqual(checkpointETag, replacedETag);
        var replaced = await table.ReadRow(grain, "checkpoint", cancellation);
        Assert.Equal((TimeSpan.FromMinutes(7), replacedETag), (replaced!.Period, replaced.ETag));
        Assert.Equal(2, (await table.ReadRows(grain, cancellation)).Reminders.Count);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task RangeReadsFollowTheRingSemantics()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var opened = await StandaloneLiteDbStore.OpenAsync(_data.Path, cancellation);
        var table = new LiteDbReminderTable(opened.Store);
        await table.StartAsync(cancellation);
        var grains = Enumerable.Range(0, 32).Select(i => GrainId.Create("tickcounter", $"run-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TickPeriod), cancellation);
        }

        var hashes = grains.Select(grain => grain.GetUniformHashCode()).Order().ToArray();
        // Hashes on both sides of int.MaxValue, or a signed comparison could pass unnoticed.
        Assert.Contains(hashes, hash => hash > int.MaxValue);
        Assert.Contains(hashes, hash => hash <= int.MaxValue);

        uint[][] ranges =
        [
            [hashes[3], hashes[10]], // plain: excludes begin, includes end
            [hashes[28], hashes[4]], // wraps past uint.MaxValue
            [hashes[5], hashes[5]], // begin == end is the whole ring
            [int.MaxValue, uint.MaxValue], // exactly the upper half
            [0, int.MaxValue], // exactly the lower half
            [uint.MaxValue, 0], // wraps, holding only what hashes to 0
            [hashes[^1], hashes[0]], // wraps across the gap between the largest and the smallest hash
        ];
        foreach (var range in ranges)
        {
            var (begin, end) = (range[0], range[1]);
            var expected = grains
                .Where(grain => begin < end
                    ? grain.GetUniformHashCode() > begin && grain.GetUniformHashCode() <= end
                    : grain.GetUniformHashCode() > begin || grain.GetUniformHashCode() <= end)
                .Select(grain => grain.ToString())
                .Order();
            var read = (await table.ReadRows(begin, end, cancellation)).Reminders.Select(row => row.GrainId.ToString()).Order();
            Assert.True(expected.SequenceEqual(read), $"({begin}, {end}]: expected [{string.Join(", ", expected)}], read [{string.Join(", ", read)}]");
        }

        Assert.Equal(7, (await table.ReadRows(hashes[3], hashes[10], cancellation)).Reminders.Count);
        Assert.Equal(8, (await table.ReadRows(hashes[28], hashes[4], cancellation)).Reminders.Count);
        Assert.Equal(grains.Count, (await table.ReadRows(hashes[5], hashes[5], cancellation)).Reminders.Count);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task RemoveRowNeedsTheCurrentETag()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var opened = await StandaloneLiteDbStore.OpenAsync(_data.Path, cancellation);
        var table = new LiteDbReminderTable(opened.Store);
        var grain = GrainId.Create("tickcounter", "contested");
        var staleETag = await table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TickPeriod), cancellation);
        var currentETag = await table.UpsertRow(Entry(grain, "tick", DateTime.UtcNow, TickPeriod), cancellation);

        Assert.False(await table.RemoveRow(grain, "tick", staleETag!, cancellation));
        Assert.Equal(currentETag, (await table.ReadRow(grain, "tick", cancellation))?.ETag);

        Assert.True(await table.RemoveRow(grain, "tick", currentETag!, cancellation));
        Assert.Null(await table.ReadRow(grain, "tick", cancellation));
        Assert.False(await table.RemoveRow(grain, "tick", currentETag!, cancellation));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task RowsSurviveClosingAndReopeningTheFile()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var grain = GrainId.Create("tickcounter", "durable");
        var startAt = DateTime.UtcNow.AddMinutes(3);
        string? etag;
        await using (var first = await StandaloneLiteDbStore.OpenAsync(_data.Path, cancellation))
        {
            etag = await new LiteDbReminderTable(first.Store).UpsertRow(Entry(grain, "tick", startAt, TimeSpan.FromMinutes(2)), cancellation);
        }

        AssertFileReleased();

        await using var second = await StandaloneLiteDbStore.OpenAsync(_data.Path, cancellation);
        var table = new LiteDbReminderTable(second.Store);
        var row = await table.ReadRow(grain, "tick", cancellation);
        Assert.NotNull(row);
        Assert.Equal((grain, startAt, TimeSpan.FromMinutes(2), etag), (row.GrainId, row.StartAt, row.Period, row.ETag));
        var whole = await table.ReadRows(0, 0, cancellation);
        Assert.Equal(grain, Assert.Single(whole.Reminders).GrainId);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task RemindersFireAgainAfterTheSiloIsKilledAndStartedAgain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        string[] keys = ["run-a", "run-b"];
        var first = await SweepTestCluster.StartAsync(_data.Path, cancellation, FastReminders);
        var grainIds = keys.Select(key => first.Client.GetGrain<ITickCounterGrain>(key).GetGrainId()).ToList();
        Dictionary<GrainId, TickCounterState> beforeKill;
        Dictionary<GrainId, string?> registeredETags;
        try
        {
            foreach (var key in keys)
            {
                await first.Client.GetGrain<ITickCounterGrain>(key).StartTickingAsync(TickPeriod);
            }

            // The reminders tick on the first silo before it dies.
            beforeKill = await StoredTicksAsync(first, grainIds, cancellation, state => state.Ticks >= 1);
            registeredETags = await RegisteredETagsAsync(first, grainIds, cancellation);
            await first.KillSiloAsync(first.Silos.Single(), cancellation).WaitAsync(LiteDbTestCluster.Patience, cancellation);
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The killed silo's database is closed, so whatever the next silo finds it reads from the file.
        AssertFileReleased();

        // No grain is called from here on: only the reminder service can activate the grains and make them tick.
        var second = await SweepTestCluster.StartAsync(_data.Path, cancellation, FastReminders);
        try
        {
            var secondSilo = second.Silos.Single().SiloAddress.ToString();
            var afterRestart = await StoredTicksAsync(
                second, grainIds, cancellation, state => state.LastTickSilo == secondSilo);
            foreach (var grainId in grainIds)
            {
                Assert.True(afterRestart[grainId].Ticks > beforeKill[grainId].Ticks, $"{grainId}: {afterRestart[grainId]} after {beforeKill[grainId]}");
            }

            // Unchanged ETags: the rows the first silo wrote, not a registration made again.
            Assert.Equal(registeredETags, await RegisteredETagsAsync(second, grainIds, cancellation));
        }
        finally
        {
            await second.StopAsync(cancellation);
        }
    }

    private static void FastReminders(ISiloBuilder silo) =>
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TickPeriod);

    private static async Task<Dictionary<GrainId, TickCounterState>> StoredTicksAsync(
        InProcessTestCluster cluster, IReadOnlyList<GrainId> grainIds, CancellationToken cancellation, Func<TickCounterState, bool> done)
    {
        // Read through the silo's storage provider, not the grain: a call would activate it, and only a reminder may do that here.
        var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var result = new Dictionary<GrainId, TickCounterState>();
        foreach (var grainId in grainIds)
        {
            result[grainId] = await Eventually.UntilAsync(
                async () =>
                {
                    var stored = new GrainState<TickCounterState>();
                    await storage.ReadStateAsync("ticks", grainId, stored);
                    return stored.State ?? new TickCounterState();
                },
                done,
                TickPatience,
                cancellation);
        }

        return result;
    }

    private static async Task<Dictionary<GrainId, string?>> RegisteredETagsAsync(
        InProcessTestCluster cluster, IReadOnlyList<GrainId> grainIds, CancellationToken cancellation)
    {
        var table = cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        Assert.IsType<LiteDbReminderTable>(table);
        var result = new Dictionary<GrainId, string?>();
        foreach (var grainId in grainIds)
        {
            result[grainId] = (await table.ReadRow(grainId, TickCounterGrain.ReminderName, cancellation))?.ETag;
            Assert.NotNull(result[grainId]);
        }

        return result;
    }

    private static ReminderEntry Entry(GrainId grainId, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grainId, ReminderName = name, StartAt = startAt, Period = period };

    private static string[] Names(ReminderTableData rows) => rows.Reminders.Select(row => row.ReminderName).Order().ToArray();

    private void AssertFileReleased()
    {
        // The store holds this lock while the file is open, so taking it proves every holder closed the database.
        var lockPath = Path.Combine(_data.Path, LiteDbStorageOptions.FileName + ".lock");
        using var exclusive = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }
}
