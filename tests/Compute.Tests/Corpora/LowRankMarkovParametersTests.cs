using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Compute.Tests.Corpora;

public sealed class LowRankMarkovParametersTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        new LowRankMarkovParameters().Validate();
    }

    [Theory]
    [InlineData(256, 0, 1.0, 1.0, "corpus.rank")]
    [InlineData(16, 32, 1.0, 1.0, "corpus.vocabulary")]
    [InlineData(256, 32, 0.0, 1.0, "corpus.beta")]
    [InlineData(256, 32, double.NaN, 1.0, "corpus.beta")]
    [InlineData(256, 32, 1.0, -0.5, "corpus.emission_concentration")]
    [InlineData(256, 32, 1.0, double.PositiveInfinity, "corpus.emission_concentration")]
    public void InvalidFieldIsNamed(int vocabularySize, int rank, double beta, double concentration, string field)
    {
        var parameters = new LowRankMarkovParameters(vocabularySize, rank, beta, concentration);

        var error = Assert.Throws<ArgumentException>(parameters.Validate);

        // Named as the spec's YAML spells it, and nothing of .NET's (no "(Parameter 'Rank')").
        Assert.StartsWith(field + " must", error.Message);
        Assert.DoesNotContain("Parameter", error.Message);
    }

    [Fact]
    public void RankEqualToVocabularyIsValid()
    {
        new LowRankMarkovParameters(VocabularySize: 8, Rank: 8).Validate();
    }
}
