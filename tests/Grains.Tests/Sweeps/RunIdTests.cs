using OrleansSweep.Grains.Sweeps;

namespace OrleansSweep.Grains.Tests.Sweeps;

/// <summary>Run ids are a hash of what a run trains: a spec written before a change finds its old runs after it.</summary>
public sealed class RunIdTests
{
    [Fact]
    public void ARunIdWrittenBeforeSearchSpacesIsUnchanged()
    {
        // Ids computed by the expander of commit cc041f9, before search spaces, run caps and new fields.
        var spec = TinySweeps.Create("pinned", steps: 10, [new GridAxis("d_model", [8, 16]), new GridAxis("learning_rate", [0.01, 0.003])]);

        var ids = SweepExpander.Expand(spec).Select(r => r.RunId);

        Assert.Equal(["pinned.00b9dad03522", "pinned.2cb10ef1426e", "pinned.e1972ee70fb7", "pinned.1c1b392ac189"], ids);
    }

    [Fact]
    public void AFieldAddedLaterIsLeftOutOfTheHashOnlyWhileAtItsDefault()
    {
        var (corpus, training) = (TinySweeps.Corpus, TinySweeps.Training(10));
        var atDefault = TinySweeps.Model;
        var changed = atDefault with { Dropout = 0.1 };
        (string, string)[] dropoutAddedLater = [("model", nameof(ModelSpec.Dropout))];

        // At its default the field is out of the hash, so the id is not today's; away from it the field stays in, byte for byte.
        Assert.NotEqual(RunIdentity.Of("s", corpus, atDefault, training), RunIdentity.Of("s", corpus, atDefault, training, dropoutAddedLater));
        Assert.Equal(RunIdentity.Of("s", corpus, changed, training), RunIdentity.Of("s", corpus, changed, training, dropoutAddedLater));
        Assert.NotEqual(RunIdentity.Of("s", corpus, atDefault, training, dropoutAddedLater), RunIdentity.Of("s", corpus, changed, training, dropoutAddedLater));
        Assert.Empty(RunIdentity.AddedLater);
    }

    [Fact]
    public void TheIndexAndTheSearchSettingsAreNotPartOfTheId()
    {
        var spec = TinySweeps.Create("pinned", steps: 10, [new GridAxis("d_model", [8, 16]), new GridAxis("learning_rate", [0.01, 0.003])]);
        var searched = spec with { SearchSeed = 9, Metric = new MetricSpec { Goal = "maximize" } };

        Assert.Equal(SweepExpander.Expand(spec).Select(r => r.RunId), SweepExpander.Expand(searched).Select(r => r.RunId));
        Assert.Equal([0, 1, 2, 3], SweepExpander.Expand(spec).Select(r => r.Index));
    }
}
