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
    [InlineData(256, 0, 1.0, 1.0, "Rank")]
    [InlineData(16, 32, 1.0, 1.0, "VocabularySize")]
    [InlineData(256, 32, 0.0, 1.0, "Beta")]
    [InlineData(256, 32, double.NaN, 1.0, "Beta")]
    [InlineData(256, 32, 1.0, -0.5, "EmissionConcentration")]
    [InlineData(256, 32, 1.0, double.PositiveInfinity, "EmissionConcentration")]
    public void InvalidFieldIsNamed(int vocabularySize, int rank, double beta, double concentration, string field)
    {
        var parameters = new LowRankMarkovParameters(vocabularySize, rank, beta, concentration);

        var error = Assert.Throws<ArgumentException>(parameters.Validate);

        Assert.Equal(field, error.ParamName);
        Assert.StartsWith(field + " must", error.Message);
    }

    [Fact]
    public void RankEqualToVocabularyIsValid()
    {
        new LowRankMarkovParameters(VocabularySize: 8, Rank: 8).Validate();
    }
}
