using System.Runtime.InteropServices;
using System.Security.Cryptography;
using OrleansSweep.Compute.Corpora;

namespace OrleansSweep.Compute.Tests.Corpora;

/// <summary>
/// Pins the languages to values recorded before their hidden chain was shared: the draw order is part of a language's
/// definition, so a refactor that reorders one draw changes every corpus a saved sweep names.
/// </summary>
public sealed class KnownLanguagesUnchangedTests
{
    [Fact]
    public void LowRankMarkovLanguageIsTheOneRecorded()
    {
        // V not a multiple of R gives groups of two sizes; α_E < 1 takes the boosted Gamma branch.
        var language = LowRankMarkovLanguage.Create(new LowRankMarkovParameters(50, 7, Beta: 1.5, EmissionConcentration: 0.5, Seed: 11));

        Assert.Equal("54C915ACC674A766", Checksum(language.Sample(4096, seed: 23)));
        Assert.Equal(2.6873435707844773, language.EntropyRate, 12);
        Assert.Equal(0.023500175964370724, language.Probability(3, 45), 15);
        Assert.Equal(0.00022568716594230533, language.StationaryTokenDistribution[17], 15);
    }

    [Fact]
    public void HiddenMarkovLanguageIsTheOneRecorded()
    {
        var language = HiddenMarkovLanguage.Create(new HiddenMarkovParameters(24, 5, Beta: 2.0, EmissionConcentration: 0.7, Seed: 13));
        var sample = language.Sample(4096, seed: 29);

        Assert.Equal("CF76C12DDB55F30D", Checksum(sample));
        Assert.Equal(-12027.0816002659, language.LogLikelihood(sample), 9);
        Assert.Equal(2.917069190829738, language.EstimateEntropyRate(8192, seed: 31).Rate, 12);
        Assert.Equal(0.009476794427882707, language.BigramProbabilities()[7 * 24 + 19], 15);
    }

    // The first 16 hex digits of the SHA-256 of the tokens' bytes.
    private static string Checksum(int[] tokens) =>
        Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(tokens.AsSpan())))[..16];
}
