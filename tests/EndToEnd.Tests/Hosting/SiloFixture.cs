namespace OrleansSweep.EndToEnd.Tests.Hosting;

/// <summary>One real silo process shared by the tests of <see cref="SiloCollection"/>.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private SiloProcess? silo;

    public TemporaryDirectory Data { get; } = new();

    public SiloProcess Silo => silo ?? throw new InvalidOperationException("the silo has not started.");

    public async ValueTask InitializeAsync() => silo = await SiloProcess.StartAsync(Data.Path, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (silo is not null) await silo.DisposeAsync();
        Data.Dispose();
    }
}
