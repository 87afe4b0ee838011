using System.Globalization;
using OrleansSweep.Compute.Tokenizers;

namespace OrleansSweep.Compute.Corpora;

/// <summary>Builds the token corpora that runs train and evaluate on.</summary>
public static class CorpusLoader
{
    private const int MinimumSplitTokens = 2;

    /// <summary>
    /// Samples a low-rank Markov language; the training and held-out streams come from different seeds derived from
    /// <see cref="LowRankMarkovParameters.Seed"/>, so they are independent.
    /// </summary>
    public static TokenCorpus FromLowRankMarkov(LowRankMarkovParameters parameters, int trainTokens, int heldOutTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainTokens, MinimumSplitTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOutTokens, MinimumSplitTokens);
        var language = LowRankMarkovLanguage.Create(parameters);
        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"low-rank Markov language (V={parameters.VocabularySize}, R={parameters.Rank}, β={parameters.Beta}, " +
            $"α={parameters.EmissionConcentration}, seed={parameters.Seed})");
        return new TokenCorpus(
            description,
            language.VocabularySize,
            language.Sample(trainTokens, unchecked(parameters.Seed * 2 + 1)),
            language.Sample(heldOutTokens, unchecked(parameters.Seed * 2 + 2)),
            language.EntropyRate);
    }

    /// <summary>
    /// Tokenizes a text file, or every *.txt file below a folder in order of relative path, joining documents with the
    /// tokenizer's end-of-text id where it has one; the last <paramref name="heldOutFraction"/> of the tokens is held out.
    /// </summary>
    public static TokenCorpus FromText(string path, ITextTokenizer tokenizer, double heldOutFraction = 0.1)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (!(heldOutFraction > 0.0 && heldOutFraction < 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(heldOutFraction), heldOutFraction, $"heldOutFraction must lie strictly between 0 and 1, but was {heldOutFraction}.");
        }

        var documents = FindDocuments(path);
        var tokens = new List<int>();
        foreach (var document in documents)
        {
            if (tokens.Count > 0 && tokenizer.EndOfText is { } endOfText)
            {
                tokens.Add(endOfText);
            }

            tokens.AddRange(tokenizer.Encode(File.ReadAllText(document)));
        }

        var heldOut = (int)Math.Round(tokens.Count * heldOutFraction, MidpointRounding.AwayFromZero);
        var train = tokens.Count - heldOut;
        if (train < MinimumSplitTokens || heldOut < MinimumSplitTokens)
        {
            throw new InvalidDataException(
                $"The corpus at '{path}' has {tokens.Count} {tokenizer.Name} tokens, too few to keep {MinimumSplitTokens} in both the " +
                $"training and the held-out ({heldOutFraction:0.###}) split; add text or change heldOutFraction.");
        }

        var description = $"text '{path}' ({documents.Count} file{(documents.Count == 1 ? "" : "s")}, {tokenizer.Name} tokens)";
        return new TokenCorpus(
            description,
            tokenizer.VocabularySize,
            tokens.GetRange(0, train).ToArray(),
            tokens.GetRange(train, heldOut).ToArray(),
            OptimalLoss: null);
    }

    private static List<string> FindDocuments(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"The corpus path '{path}' does not exist; give a .txt file or a folder of them.", path);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive };

        // Ordinal order of '/'-separated relative paths: the same corpus on any machine and file system.
        var documents = Directory.EnumerateFiles(path, "*.txt", options)
            .OrderBy(file => Path.GetRelativePath(path, file).Replace('\\', '/'), StringComparer.Ordinal)
            .ToList();
        if (documents.Count == 0)
        {
            throw new FileNotFoundException($"The corpus folder '{path}' holds no .txt files; add some or give a file.", path);
        }

        return documents;
    }
}
