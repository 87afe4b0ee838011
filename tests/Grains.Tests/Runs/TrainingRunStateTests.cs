using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansSweep.Grains.Runs;

namespace OrleansSweep.Grains.Tests.Runs;

public sealed class TrainingRunStateTests
{
    [Fact]
    public void AStateStoredWithTheCheckpointPathStillReads()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var spec = new RunSpec("sweep", "run-1", new CorpusSpec(), new ModelSpec(), new TrainingSpec());
        var stored = new LegacyTrainingRunState
        {
            Summary = new RunSummary { Spec = spec, State = RunState.Running, Step = 40, CheckpointPath = "/checkpoints/run-1/step-00000040.ckpt" },
            Series = new() { [MetricNames.TrainLoss] = new() { [20] = 2.5, [40] = 2.25 } },
            CheckpointPath = "/checkpoints/run-1/step-00000040.ckpt",
            CheckpointStep = 40,
        };

        var read = serializer.Deserialize<TrainingRunState>(serializer.SerializeToArray(stored));

        Assert.NotNull(read);
        // Records holding lists compare those by reference, so the summary is compared field by field that matters here.
        Assert.Equal(("run-1", RunState.Running, 40, stored.CheckpointPath), (read.Summary!.Spec.RunId, read.Summary.State, read.Summary.Step, read.Summary.CheckpointPath));
        Assert.Equal(stored.Series[MetricNames.TrainLoss], read.Series[MetricNames.TrainLoss]);
        Assert.Equal(40, read.CheckpointStep);
    }
}
